package dev.tensorlane.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reader for IDX files, the format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte} and friends),
 * gzip-compressed or raw. Only unsigned-byte data is accepted: images (magic 2051, dimensions count × rows × cols)
 * and labels (magic 2049, dimension count).
 *
 * <p>Everything is checked before it is trusted: the magic, the number and size of the dimensions, and that the
 * file holds exactly the bytes its header declares, no fewer and no more. A header that declares more than
 * {@value #MAX_BYTES} bytes is refused outright, and data is read in chunks that grow with what actually arrives,
 * so a corrupt header cannot make the reader allocate more memory than the file really contains. Every problem is
 * an {@link IOException} whose message names the file and what is wrong.
 */
public final class Idx {
    private Idx() {}

    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** 1 GiB: far above any MNIST-like file (60,000 × 28 × 28 = 47 MB). */
    static final long MAX_BYTES = 1L << 30;
    private static final int CHUNK = 1 << 20;

    /** Images: {@code count × rows × cols} unsigned bytes, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, IMAGES_MAGIC, 3);
            long size = (long) dims[0] * dims[1] * dims[2];
            if (dims[1] == 0 || dims[2] == 0) {
                throw new IOException(file + ": image size " + dims[1] + "x" + dims[2] + " is empty");
            }
            byte[] pixels = body(file, in, size);
            return new Images(dims[0], dims[1], dims[2], pixels);
        }
    }

    /** Labels: one unsigned byte each. */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, LABELS_MAGIC, 1);
            return body(file, in, dims[0]);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)) : raw;
        return new DataInputStream(in);
    }

    private static int[] header(Path file, DataInputStream in, int expectedMagic, int dimensions) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": truncated, shorter than an IDX header");
        }
        if (magic != expectedMagic) {
            String what = expectedMagic == IMAGES_MAGIC ? "an image file (magic 2051)" : "a label file (magic 2049)";
            throw new IOException(String.format("%s: magic 0x%08x (%d), expected %s", file, magic, magic, what));
        }
        int[] dims = new int[dimensions];
        long total = 1;
        for (int d = 0; d < dimensions; d++) {
            try {
                dims[d] = in.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": truncated in the header (dimension " + d + " of " + dimensions + ")");
            }
            if (dims[d] < 0) {
                throw new IOException(file + ": dimension " + d + " is negative (" + dims[d] + ")");
            }
            total *= dims[d];
            if (total > MAX_BYTES) {
                throw new IOException(file + ": header declares dimensions " + Arrays.toString(Arrays.copyOf(dims, d + 1))
                        + ", more than " + MAX_BYTES + " bytes of data; refusing to read it");
            }
        }
        return dims;
    }

    /** Reads exactly {@code size} bytes, growing the buffer only as data arrives, and refuses trailing bytes. */
    private static byte[] body(Path file, InputStream in, long size) throws IOException {
        byte[] data = new byte[(int) Math.min(size, CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(size, (long) data.length * 2));
            }
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw new IOException(file + ": truncated: header declares " + size + " data bytes, file holds "
                        + filled);
            }
            filled += n;
        }
        if (in.read() >= 0) {
            throw new IOException(file + ": holds more bytes than the " + size + " its header declares");
        }
        return data;
    }
}
