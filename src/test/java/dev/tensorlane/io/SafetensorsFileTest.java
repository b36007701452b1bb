package dev.tensorlane.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading, writing and refusing safetensors files. */
class SafetensorsFileTest {
    @TempDir
    Path dir;

    private static byte[] file(long headerLength, byte[] json, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength).put(json);
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    private static byte[] file(String json, int dataBytes) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        return file(j.length, j, dataBytes);
    }

    private Path write(byte[] content) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".safetensors");
        Files.write(f, content);
        return f;
    }

    private void assertRefused(byte[] content, String fragment) throws IOException {
        Path f = write(content);
        IOException e = assertThrows(IOException.class, () -> WeightsFile.open(f).close());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    private static String tensor(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    @Test
    void readsEveryFloatTypeInFileOrder() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(4 * 3 + 2 * 2 + 2 * 2 + 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(1.5f).putFloat(-2f).putFloat(Float.MIN_VALUE);
        data.putShort((short) 0x3c00).putShort((short) 0xc000);            // F16 1, -2
        data.putShort((short) 0x3f80).putShort((short) 0x4049);            // BF16 1, 3.140625
        data.putDouble(0.1);
        String json = "{\"__metadata__\":{\"format\":\"pt\"}," + tensor("w", "F32", "[1,3]", "[0,12]") + ","
                + tensor("h", "F16", "[2]", "[12,16]") + "," + tensor("b", "BF16", "[2]", "[16,20]") + ","
                + tensor("d", "F64", "[]", "[20,28]") + "}";
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer all = ByteBuffer.allocate(8 + j.length + 28).order(ByteOrder.LITTLE_ENDIAN);
        all.putLong(j.length).put(j).put(data.array());
        try (WeightsFile w = WeightsFile.open(write(all.array()))) {
            assertEquals(List.of("w", "h", "b", "d"), w.tensors().stream().map(TensorInfo::name).toList());
            assertEquals(Map.of("format", "pt"), w.metadata());
            assertArrayEquals(new int[] {1, 3}, w.tensor("w").shape());
            assertEquals(Dtype.BF16, w.tensor("b").dtype());
            assertArrayEquals(new float[] {1.5f, -2f, Float.MIN_VALUE}, w.read("w"));
            assertArrayEquals(new float[] {1f, -2f}, w.read("h"));
            assertArrayEquals(new float[] {1f, 3.140625f}, w.read("b"));
            assertArrayEquals(new float[] {0.1f}, w.read("d"));
            float[] into = new float[5];
            w.read("h", into, 3);
            assertArrayEquals(new float[] {0, 0, 0, 1, -2}, into);
            assertThrows(IndexOutOfBoundsException.class, () -> w.read("w", new float[5], 3));
            assertThrows(IllegalArgumentException.class, () -> w.read("nope"));
        }
    }

    @Test
    void writtenFilesReadBackBitIdenticalWithTheirMetadata() throws IOException {
        float[] values = {0f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc01234), Float.POSITIVE_INFINITY,
                Float.MIN_VALUE, Float.MAX_VALUE, -1e-40f, 3.25f};
        String odd = "weird \"name\"\\ é\n";
        List<Tensor> tensors = List.of(new Tensor("a", new int[] {3, 3}, values), new Tensor(odd, new int[] {1}, new float[] {7}),
                new Tensor("empty", new int[] {0, 4}, new float[0]));
        Path f = dir.resolve("x.safetensors");
        SafetensorsFile.write(f, tensors, Dtype.F32, Map.of("format", "pt", "note", "tabs\tand \"quotes\""));
        assertEquals(0, (Files.size(f) - 8 - 4 * 10) % 8, "JSON header padded to 8 bytes");
        try (WeightsFile w = WeightsFile.open(f)) {
            assertEquals(Map.of("format", "pt", "note", "tabs\tand \"quotes\""), w.metadata());
            float[] back = w.read("a");
            for (int i = 0; i < values.length; i++) {
                assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(back[i]), "element " + i);
            }
            assertArrayEquals(new float[] {7}, w.read(odd));
            assertEquals(0, w.read("empty").length);
        }
        for (Dtype dtype : List.of(Dtype.F16, Dtype.BF16, Dtype.F64)) {
            Path g = dir.resolve(dtype + ".safetensors");
            SafetensorsFile.write(g, tensors, dtype, Map.of());
            try (WeightsFile w = WeightsFile.open(g)) {
                float[] back = w.read("a");
                for (int i = 0; i < values.length; i++) {
                    float expected = switch (dtype) {
                        case F16 -> Dtype.halfToFloat(Dtype.floatToHalf(values[i]));
                        case BF16 -> Dtype.bfloat16ToFloat(Dtype.floatToBfloat16(values[i]));
                        default -> values[i];
                    };
                    assertEquals(expected, back[i], 0f, dtype + " element " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1]                                                              | does not start with '{'",
        "{\"a\":                                                          | malformed safetensors JSON header",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"a\":1} | duplicate key",
        "{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}  | unknown dtype 'Q7'",
        "{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}} | dtype I64 is not a floating-point type",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}} | has a dimension that is not a size",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}} | shape is not a list",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[100000,100000],\"data_offsets\":[0,8]}} | more than 268435456 elements",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}  | are out of order",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}} | reach past the end of the file",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}  | needs 4 bytes, its data_offsets [0, 8] span 8",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}    | is not a pair",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}} | has fields",
        "{\"a\":[1,2]}                                                    | is not an object",
        "{\"__metadata__\":{\"k\":1}}                                     | __metadata__ value of 'k' is not a string",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}} | overlap",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}  | data bytes 0..4 belong to no tensor",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}  | data bytes 4..8 belong to no tensor",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,99999999999999999999]}} | out of range",
    })
    void malformedHeadersAreRefusedWithTheProblemNamed(String json, String fragment) throws IOException {
        assertRefused(file(json, 8), fragment);
    }

    @Test
    void headerLengthsAndEncodingsThatCannotBeTrustedAreRefusedBeforeReading() throws IOException {
        assertRefused(new byte[5], "truncated (5 bytes)");
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        assertRefused(file(1L << 40, json, 0), "over the limit of 16777216");
        assertRefused(file(-8, json, 0), "18446744073709551608 bytes, over the limit");
        assertRefused(file(1000, json, 0), "declares 1000 bytes of JSON, the file has only 2");
        assertRefused(file(2, new byte[] {'{', (byte) 0xc3}, 0), "not valid UTF-8");
        String deep = "{\"__metadata__\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertRefused(file(deep, 0), "nesting deeper than");
        try (WeightsFile w = WeightsFile.open(write(file("{}  ", 0)))) {
            assertTrue(w.tensors().isEmpty());
        }
    }

    /** Every truncation of a valid file, and random damage to its header, is an IOException or a valid file. */
    @Test
    void truncatedOrDamagedFilesNeverEscapeAsOtherExceptions() throws IOException {
        Path good = dir.resolve("good.safetensors");
        SafetensorsFile.write(good, List.of(new Tensor("0.weight", new int[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6}),
                new Tensor("0.bias", new int[] {3}, new float[] {7, 8, 9})), Dtype.F16, Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(good);
        for (int length = 0; length < bytes.length; length++) {
            Path f = write(Arrays.copyOf(bytes, length));
            assertThrows(IOException.class, () -> WeightsFile.open(f).close(), "truncated to " + length);
        }
        SplittableRandom random = new SplittableRandom(5);
        int headerEnd = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong() + 8;
        int opened = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] damaged = bytes.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                damaged[random.nextInt(headerEnd)] = (byte) random.nextInt(256);
            }
            Path f = write(damaged);
            try (WeightsFile w = WeightsFile.open(f)) {
                for (TensorInfo t : w.tensors()) {
                    w.read(t.name());
                }
                opened++;
            } catch (IOException expected) {
                // the only acceptable failure
            }
            Files.delete(f);
        }
        assertTrue(opened < 3000, "damage is noticed");
    }
}
