package dev.tensorlane.io;

import dev.tensorlane.internal.AtomicWrite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A NumPy {@code .npz} archive: a zip of {@code NAME.npy} entries, stored ({@code np.savez}) or deflated
 * ({@code np.savez_compressed}). Entry names are checked as a zip extractor would (no absolute paths, no
 * {@code ..}, no backslashes, no duplicates), and each entry's declared uncompressed size must match what its
 * {@code .npy} header declares and stay under a limit, so a zip bomb is refused before anything is inflated;
 * when data is read, no more than the declared bytes are ever inflated.
 */
final class NpzFile extends WeightsFile {
    static final int MAX_ENTRIES = 4096;
    /** A .npy header plus the largest tensor read, in the widest type. */
    static final long MAX_ENTRY_BYTES = Npy.MAX_HEADER + 16L + MAX_ELEMENTS * 8;

    private final ZipFile zip;
    private final Map<String, Stored> entries = new HashMap<>();

    private record Stored(ZipEntry entry, Npy.Header header) {}

    NpzFile(Path file) throws IOException {
        super(file);
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
        try {
            List<TensorInfo> list = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            int count = 0;
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new IOException(file + ": more than " + MAX_ENTRIES + " zip entries");
                }
                String name = e.getName();
                checkEntryName(file, name);
                if (!seen.add(name)) {
                    throw new IOException(file + ": zip entry '" + name + "' appears twice");
                }
                long size = e.getSize();
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    throw new IOException(file + ": zip entry '" + name + "' declares an uncompressed size of " + size
                            + " bytes, over the limit of " + MAX_ENTRY_BYTES);
                }
                String where = file + " entry '" + name + "'";
                Npy.Header header;
                try (InputStream in = zip.getInputStream(e)) {
                    header = Npy.readHeader(in, where);
                }
                long expected = header.dataOffset() + header.elementCount() * header.dtype().bytes();
                if (size != expected) {
                    throw new IOException(where + ": the .npy header declares " + expected + " bytes, the zip entry holds "
                            + size);
                }
                String tensor = name.substring(0, name.length() - 4);
                entries.put(tensor, new Stored(e, header));
                list.add(new TensorInfo(tensor, header.dtype(), header.shape()));
            }
            setTensors(list);
        } catch (ZipException e) {
            zip.close();
            throw new IOException(file + ": corrupt .npz archive: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static void checkEntryName(Path file, String name) throws IOException {
        boolean outside = name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        for (String part : name.split("/", -1)) {
            outside |= part.equals("..");
        }
        if (outside) {
            throw new IOException(file + ": zip entry '" + name + "' has a path outside the archive");
        }
        if (!name.endsWith(".npy") || name.length() == 4) {
            throw new IOException(file + ": zip entry '" + name + "' is not a .npy array");
        }
    }

    @Override
    void readData(TensorInfo info, float[] dst, int offset) throws IOException {
        Stored s = entries.get(info.name());
        Npy.Header h = s.header();
        String where = path() + " entry '" + s.entry().getName() + "'";
        long count = h.elementCount();
        try (InputStream in = zip.getInputStream(s.entry())) {
            in.skipNBytes(h.dataOffset());
            if (h.fortranOrder() && h.shape().length > 1) {
                float[] columnMajor = new float[(int) count];
                readStream(in, h.dtype(), h.order(), columnMajor, 0, count, where);
                Npy.toRowMajor(columnMajor, h.shape(), dst, offset);
            } else {
                readStream(in, h.dtype(), h.order(), dst, offset, count, where);
            }
            if (in.read() != -1) {
                throw new IOException(where + ": more data than the zip entry declares");
            }
        } catch (ZipException e) {
            throw new IOException(where + ": corrupt compressed data: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new IOException(where + ": data ends early", e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Writes tensors as {@code np.savez} does: one stored (uncompressed) {@code NAME.npy} entry each, version 1.0
     * headers, little-endian float32. Entries carry a fixed timestamp, so the same tensors give the same bytes.
     */
    static void write(Path file, List<Tensor> tensors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Tensor t : tensors) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice");
                }
                if (t.name().contains("/") || t.name().contains("\\") || t.name().contains("\0")) {
                    throw new IllegalArgumentException("tensor name '" + t.name() + "' cannot be a .npz entry name");
                }
                byte[] header = Npy.header(t.shape());
                ByteBuffer data = ByteBuffer.allocate(header.length + 4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                data.put(header);
                data.asFloatBuffer().put(t.values());
                byte[] npy = data.array();
                ZipEntry e = new ZipEntry(t.name() + ".npy");
                e.setMethod(ZipEntry.STORED);
                e.setSize(npy.length);
                e.setCompressedSize(npy.length);
                CRC32 crc = new CRC32();
                crc.update(npy);
                e.setCrc(crc.getValue());
                e.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // the zip epoch: reproducible output
                zip.putNextEntry(e);
                zip.write(npy);
                zip.closeEntry();
            }
        }
        AtomicWrite.write(file, bytes.toByteArray());
    }
}
