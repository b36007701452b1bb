package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.data.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void saveThenLoadGivesBitIdenticalWeightsAndOutputs() throws IOException {
        Sequential model = Models.mlp(Models.Init.PYTORCH, 3);
        Path file = dir.resolve("m.tlnm");
        ModelFile.save(model, file);
        Sequential loaded = ModelFile.load(file);
        assertEquals(model.toString(), loaded.toString());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertArrayEquals(model.parameters().get(i).value(), loaded.parameters().get(i).value());
        }
        float[] x = new float[2 * 784];
        Arrays.fill(x, 0.3f);
        assertArrayEquals(model.forward(2, x).clone(), loaded.forward(2, x));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    private void assertRefused(byte[] content, String fragment) throws IOException {
        Path file = dir.resolve("bad" + fragment.hashCode());
        Files.write(file, content);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void truncatedCorruptedAndForeignFilesAreRefused() throws IOException {
        Path file = dir.resolve("good");
        ModelFile.save(Models.sigmoid(Models.Init.NORMAL_001, 1), file);
        byte[] good = Files.readAllBytes(file);

        assertRefused(Arrays.copyOf(good, good.length - 1), "truncated");
        assertRefused(Arrays.copyOf(good, 30), "truncated");
        assertRefused(Arrays.copyOf(good, good.length + 3), "trailing bytes");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertRefused(flipped, "checksum mismatch");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertRefused(magic, "bad magic");
        byte[] version = good.clone();
        version[7] = 9;
        assertRefused(version, "version 9");
        byte[] kind = good.clone();
        kind[16] = 7;
        assertRefused(kind, "unknown kind 7");
        byte[] huge = good.clone();
        huge[17] = 0x7f; // first layer's in-features becomes enormous
        assertRefused(huge, "sizes");
        assertRefused(new byte[5], "truncated");
        byte[] preprocessing = good.clone();
        preprocessing[11] = 5;
        assertRefused(withCrc(preprocessing), "unknown input preprocessing 5");
    }

    /** The bytes with their last eight replaced by the CRC-32 of the rest, as the writer does. */
    private static byte[] withCrc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        return bytes;
    }

    @Test
    void thePreprocessingOfTheTrainingInputsIsSavedWithTheModel() throws IOException {
        Sequential model = Models.mlp(Models.Init.PYTORCH, 4);
        Path file = dir.resolve("deskewed.tlnm");
        ModelFile.save(model, Preprocessing.DESKEW, file);
        ModelFile.Saved saved = ModelFile.read(file);
        assertEquals(Preprocessing.DESKEW, saved.preprocessing());
        assertArrayEquals(model.parameters().get(0).value(), saved.model().parameters().get(0).value());
        ModelFile.save(model, file);
        assertEquals(Preprocessing.NONE, ModelFile.read(file).preprocessing());
    }

    @Test
    void aVersionOneFileStillLoadsAsTheTutorialsTransformAlone() throws IOException {
        Sequential model = Models.sigmoid(Models.Init.PYTORCH, 5);
        Path file = dir.resolve("v2.tlnm");
        ModelFile.save(model, file);
        byte[] v2 = Files.readAllBytes(file);
        // Version 1 is version 2 without the preprocessing field at offset 8.
        byte[] v1 = new byte[v2.length - 4];
        System.arraycopy(v2, 0, v1, 0, 8);
        System.arraycopy(v2, 12, v1, 8, v2.length - 12);
        v1[7] = 1;
        Path old = dir.resolve("v1.tlnm");
        Files.write(old, withCrc(v1));
        ModelFile.Saved saved = ModelFile.read(old);
        assertEquals(Preprocessing.NONE, saved.preprocessing());
        assertEquals(model.toString(), saved.model().toString());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertArrayEquals(model.parameters().get(i).value(), saved.model().parameters().get(i).value());
        }
    }

    @Test
    void aMissingFileIsReportedByName() {
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(dir.resolve("none")));
        assertTrue(e.getMessage().contains("not a file"));
    }
}
