package dev.tensorlane.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, int dataBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            out.writeByte(i % 10);
        }
        return bytes.toByteArray();
    }

    Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    private void assertBad(Path file, boolean images, String fragment) {
        IOException e = assertThrows(IOException.class,
                () -> { if (images) Idx.readImages(file); else Idx.readLabels(file); });
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = write("img" + gzip, idx(Idx.IMAGES_MAGIC, new int[] {3, 2, 4}, 24), gzip);
            Idx.Images read = Idx.readImages(images);
            assertEquals(3, read.count());
            assertEquals(8, read.pixelsPerImage());
            assertEquals(23 % 10, read.pixels()[23]);
            byte[] labels = Idx.readLabels(write("lab" + gzip, idx(Idx.LABELS_MAGIC, new int[] {5}, 5), gzip));
            assertArrayEquals(new byte[] {0, 1, 2, 3, 4}, labels);
        }
    }

    @Test
    void readsTheEmbeddedSample() throws IOException {
        Mnist.Split split = Mnist.loadEmbedded(Path.of("data", "mnist-10k"));
        assertEquals(8000, split.train().count());
        assertEquals(2000, split.test().count());
        assertEquals(784, split.train().features());
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : split.train().images()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertEquals(1f, max);
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        assertBad(write("a", idx(Idx.LABELS_MAGIC, new int[] {1, 1, 1}, 1), false), true, "magic 0x00000801");
        assertBad(write("b", idx(0x0D03, new int[] {1}, 1), true), false, "expected a label file");
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        assertBad(write("a", new byte[] {0, 0}, false), true, "truncated");
        assertBad(write("b", new byte[0], false), false, "truncated");
        byte[] headerOnly = idx(Idx.IMAGES_MAGIC, new int[] {2, 28}, 0);
        assertBad(write("c", headerOnly, true), true, "truncated in the header");
        assertBad(write("d", idx(Idx.IMAGES_MAGIC, new int[] {10, 28, 28}, 7839), true), true,
                "declares 7840 data bytes, file holds 7839");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        assertBad(write("a", idx(Idx.LABELS_MAGIC, new int[] {4}, 5), false), false, "more bytes than the 4");
    }

    @Test
    void absurdHeadersAreRefusedBeforeAnyLargeAllocation() throws IOException {
        // 2^31 × 2^31 × 28: far beyond memory; must fail on the header, not with OutOfMemoryError.
        assertBad(write("a", idx(Idx.IMAGES_MAGIC, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 28}, 10), true),
                true, "refusing to read it");
        assertBad(write("b", idx(Idx.IMAGES_MAGIC, new int[] {-1, 28, 28}, 10), false), true, "negative");
        // A header within the limit but a body far shorter: allocation follows the data, the error names both.
        assertBad(write("c", idx(Idx.LABELS_MAGIC, new int[] {900_000_000}, 100), true), false,
                "declares 900000000 data bytes, file holds 100");
        assertBad(write("d", idx(Idx.IMAGES_MAGIC, new int[] {5, 0, 28}, 0), false), true, "empty");
    }

    @Test
    void mismatchedCountsAndLabelsOutOfRangeAreRefused() throws IOException {
        Path images = write("i", idx(Idx.IMAGES_MAGIC, new int[] {3, 2, 2}, 12), false);
        Path labels = write("l", idx(Idx.LABELS_MAGIC, new int[] {4}, 4), false);
        IOException e = assertThrows(IOException.class, () -> Mnist.load(images, labels, 10));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("4 labels"), e.getMessage());
        Path bad = write("m", new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 12, 2}, false);
        e = assertThrows(IOException.class, () -> Mnist.load(images, bad, 10));
        assertTrue(e.getMessage().contains("label 12 at index 1"), e.getMessage());
    }

    @Test
    void aMissingFolderOrFileIsReportedByName() {
        IOException e = assertThrows(IOException.class, () -> Mnist.loadDirectory(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("not a directory"));
        e = assertThrows(IOException.class, () -> Mnist.loadDirectory(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }
}
