package dev.tensorlane.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading, writing and refusing NumPy .npz archives and the .npy arrays in them. */
class NpzFileTest {
    @TempDir
    Path dir;

    /** A .npy: magic, version, header length (2 bytes for 1.x, 4 after), the dict, then the data. */
    static byte[] npy(int major, String dict, byte[] data) {
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(8 + (major == 1 ? 2 : 4) + text.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    static byte[] floats(ByteOrder order, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    static byte[] zip(Map<String, byte[]> entries, boolean deflate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    var crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path write(byte[] content) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".npz");
        Files.write(f, content);
        return f;
    }

    private float[] readOne(byte[] npy, boolean deflate) throws IOException {
        try (WeightsFile w = WeightsFile.open(write(zip(Map.of("x.npy", npy), deflate)))) {
            assertEquals(List.of("x"), w.tensors().stream().map(TensorInfo::name).toList());
            return w.read("x");
        }
    }

    private void assertRefused(byte[] content, String fragment) throws IOException {
        Path f = write(content);
        IOException e = assertThrows(IOException.class, () -> {
            try (WeightsFile w = WeightsFile.open(f)) {
                for (TensorInfo t : w.tensors()) {
                    w.read(t.name());
                }
            }
        });
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void readsEveryVersionByteOrderAndFloatWidth() throws IOException {
        float[] v = {1.5f, -2f, 3e-3f, 4f, 5f, Float.MIN_VALUE};
        String shape = "'shape': (2, 3), }";
        for (int major = 1; major <= 3; major++) {
            for (boolean deflate : new boolean[] {false, true}) {
                assertArrayEquals(v, readOne(npy(major, "{'descr': '<f4', 'fortran_order': False, " + shape,
                        floats(ByteOrder.LITTLE_ENDIAN, v)), deflate));
                assertArrayEquals(v, readOne(npy(major, "{'descr': '>f4', 'fortran_order': False, " + shape,
                        floats(ByteOrder.BIG_ENDIAN, v)), deflate));
            }
        }
        double[] d = {0.1, -1e300, 1e-300, 2, 3, Math.PI};
        float[] rounded = {0.1f, Float.NEGATIVE_INFINITY, 0f, 2f, 3f, (float) Math.PI};
        assertArrayEquals(rounded, readOne(npy(1, "{'descr': '<f8', 'fortran_order': False, " + shape,
                doubles(ByteOrder.LITTLE_ENDIAN, d)), false));
        assertArrayEquals(rounded, readOne(npy(2, "{'descr': '>f8', 'fortran_order': False, " + shape,
                doubles(ByteOrder.BIG_ENDIAN, d)), true));
        byte[] halves = {0x00, 0x3c, 0x00, (byte) 0xc0}; // 1, -2 little-endian
        assertArrayEquals(new float[] {1, -2}, readOne(npy(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }",
                halves), false));
        // NumPy's own padding, key order and Python 2 long suffixes are all accepted
        assertArrayEquals(new float[] {7}, readOne(npy(1, "{\"shape\": (), \"fortran_order\": False, \"descr\": \"<f4\"}"
                + " ".repeat(40) + "\n", floats(ByteOrder.LITTLE_ENDIAN, 7)), false));
        assertArrayEquals(v, readOne(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L), }",
                floats(ByteOrder.LITTLE_ENDIAN, v)), false));
    }

    @Test
    void fortranOrderIsReadIntoRowMajor() throws IOException {
        // a 2×3 matrix [[1,2,3],[4,5,6]] stored column by column
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, readOne(npy(1,
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
                floats(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6)), false));
        // 2×3×4: element (i, j, k) = 100i + 10j + k, first index fastest in the file
        float[] columnMajor = new float[24], rowMajor = new float[24];
        int n = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    columnMajor[n++] = 100 * i + 10 * j + k;
                    rowMajor[i * 12 + j * 4 + k] = 100 * i + 10 * j + k;
                }
            }
        }
        assertArrayEquals(rowMajor, readOne(npy(1, "{'descr': '>f4', 'fortran_order': True, 'shape': (2, 3, 4), }",
                floats(ByteOrder.BIG_ENDIAN, columnMajor)), true));
    }

    @Test
    void writtenArchivesReadBackBitIdenticalAndAreReproducible() throws IOException {
        float[] w = {Float.NaN, -0f, 1e-42f, 3f, -4f, Float.NEGATIVE_INFINITY};
        List<Tensor> tensors = List.of(new Tensor("fc1.weight", new int[] {2, 3}, w),
                new Tensor("fc1.bias", new int[] {2}, new float[] {0.5f, -0.5f}), new Tensor("s", new int[0], new float[] {9}));
        Path a = dir.resolve("a.npz"), b = dir.resolve("b.npz");
        NpzFile.write(a, tensors);
        NpzFile.write(b, tensors);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (WeightsFile f = WeightsFile.open(a)) {
            assertEquals(List.of("fc1.weight", "fc1.bias", "s"), f.tensors().stream().map(TensorInfo::name).toList());
            float[] back = f.read("fc1.weight");
            for (int i = 0; i < w.length; i++) {
                assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(back[i]));
            }
            assertArrayEquals(new int[0], f.tensor("s").shape());
            assertArrayEquals(new float[] {9}, f.read("s"));
        }
        // the header is padded to 64 bytes, as NumPy writes it
        byte[] npy = Npy.header(new int[] {128, 784});
        assertEquals(0, npy.length % 64);
        assertTrue(new String(npy, StandardCharsets.ISO_8859_1).contains("'shape': (128, 784), }"));
        assertTrue(new String(Npy.header(new int[] {10}), StandardCharsets.ISO_8859_1).contains("'shape': (10,), }"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }           | dtype '<i8' is not float16, float32 or float64",
        "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }  | malformed .npy header",
        "{'descr': '<f4', 'shape': (2,), }                                   | .npy header has keys",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1, }   | malformed .npy header",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }          | bad integer in shape",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), } | more than 268435456 elements",
        "{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }               | malformed .npy header",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }           | the .npy header declares 93 bytes, the zip entry holds 89",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'descr': '<f4'} | duplicate key",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)              | malformed .npy header",
    })
    void malformedNpyHeadersAreRefused(String dict, String fragment) throws IOException {
        String padded = dict + " ".repeat(Math.max(0, 70 - dict.length())) + "\n";
        assertRefused(zip(Map.of("x.npy", npy(1, padded, new byte[8])), false), fragment);
    }

    @Test
    void badMagicVersionsAndLengthsAreRefused() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n";
        byte[] good = npy(1, dict, new byte[8]);
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertRefused(zip(Map.of("x.npy", magic), false), "not a .npy array (bad magic)");
        byte[] version = good.clone();
        version[6] = 4;
        assertRefused(zip(Map.of("x.npy", version), false), ".npy format version 4.0");
        byte[] huge = npy(2, dict, new byte[8]);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 1 << 24);
        assertRefused(zip(Map.of("x.npy", huge), true), ".npy header of 16777216 bytes, over the limit");
        assertRefused(zip(Map.of("x.npy", java.util.Arrays.copyOf(good, 30)), false), "truncated .npy header");
        assertRefused(good, "a single .npy array");
        byte[] notZip = new byte[64];
        notZip[0] = 'P';
        notZip[1] = 'K';
        notZip[2] = 3;
        notZip[3] = 4;
        assertRefused(notZip, "not a valid .npz (zip) archive");
    }

    @ParameterizedTest
    @CsvSource({"../evil.npy", "/etc/evil.npy", "a/../../evil.npy", "a\\evil.npy", "C:evil.npy"})
    void entryPathsOutsideTheArchiveAreRefused(String name) throws IOException {
        byte[] npy = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\n", new byte[4]);
        assertRefused(zip(Map.of(name, npy), false), "has a path outside the archive");
    }

    @Test
    void otherEntriesAndDuplicatesAreRefused() throws IOException {
        byte[] npy = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\n", new byte[4]);
        assertRefused(zip(Map.of("readme.txt", npy), false), "is not a .npy array");
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.npy", npy);
        two.put("b.npy", npy);
        byte[] archive = zip(two, false);
        replaceAll(archive, "b.npy", "a.npy"); // ZipOutputStream refuses duplicates, so make one by hand
        assertRefused(archive, "zip entry 'a.npy' appears twice");
    }

    /** A zip bomb declares a size it must not be trusted with: the declared size is checked before inflating. */
    @Test
    void bombSizedOrLyingEntriesAreRefused() throws IOException {
        byte[] npy = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }\n", new byte[16]);
        byte[] archive = zip(Map.of("x.npy", npy), true);
        setUncompressedSize(archive, 0xFFFF_FFF0L);
        assertRefused(archive, "declares an uncompressed size of 4294967280 bytes, over the limit");

        // an entry that inflates to far more than it declares: only the declared bytes are ever inflated
        byte[] longer = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }\n", new byte[1 << 20]);
        byte[] lying = zip(Map.of("x.npy", longer), true);
        setUncompressedSize(lying, npy.length);
        assertRefused(lying, "more data than the zip entry declares");
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII), t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
            }
        }
    }

    /** Patches the uncompressed size in every local and central header (and the data descriptor). */
    private static void setUncompressedSize(byte[] zip, long size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = b.getInt(i);
            if (signature == 0x04034b50) {
                b.putInt(i + 22, (int) size);
            } else if (signature == 0x02014b50) {
                b.putInt(i + 24, (int) size);
            } else if (signature == 0x08074b50) {
                b.putInt(i + 12, (int) size);
            }
        }
    }
}
