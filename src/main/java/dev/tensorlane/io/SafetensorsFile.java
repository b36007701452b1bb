package dev.tensorlane.io;

import dev.tensorlane.internal.AtomicWrite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .safetensors} file: an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each tensor
 * name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (plus an optional {@code "__metadata__"} of
 * strings), then the little-endian data, offsets relative to its start.
 *
 * <p>As the format's specification asks, the tensors must tile the data exactly: no overlaps, no holes, nothing
 * past the end of the file, and every tensor's byte span equal to its shape times its element size. The header is
 * limited to {@value #MAX_HEADER} bytes and JSON nesting to a few levels.
 */
final class SafetensorsFile extends WeightsFile {
    static final long MAX_HEADER = 16 << 20;
    private static final Set<String> NOT_FLOAT = Set.of("BOOL", "U8", "I8", "I16", "U16", "I32", "U32", "I64",
            "U64", "F8_E4M3", "F8_E5M2", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64");

    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Long> begins = new HashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    SafetensorsFile(Path file) throws IOException {
        super(file);
        channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new IOException(file + ": truncated (" + size + " bytes): not a safetensors file");
            }
            ByteBuffer lengthBytes = readFully(0, 8).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = lengthBytes.getLong();
            if (headerLength < 0 || headerLength > MAX_HEADER) {
                throw new IOException(file + ": safetensors JSON header of " + Long.toUnsignedString(headerLength)
                        + " bytes, over the limit of " + MAX_HEADER);
            }
            if (headerLength > size - 8) {
                throw new IOException(file + ": the safetensors header declares " + headerLength + " bytes of JSON, the"
                        + " file has only " + (size - 8) + " after the length");
            }
            dataStart = 8 + headerLength;
            String json;
            try {
                json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(readFully(8, (int) headerLength)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(file + ": the safetensors header is not valid UTF-8");
            }
            if (!json.startsWith("{")) {
                throw new IOException(file + ": not a safetensors file (the header does not start with '{')");
            }
            Object parsed;
            try {
                parsed = Json.parse(json);
            } catch (Json.SyntaxException e) {
                throw new IOException(file + ": malformed safetensors JSON header: " + e.getMessage());
            }
            setTensors(parseHeader(file, (Map<?, ?>) parsed, size - dataStart));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private List<TensorInfo> parseHeader(Path file, Map<?, ?> header, long dataLength) throws IOException {
        List<TensorInfo> list = new ArrayList<>();
        Map<String, long[]> spans = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : header.entrySet()) {
            String name = (String) entry.getKey();
            if (name.equals("__metadata__")) {
                if (!(entry.getValue() instanceof Map<?, ?> meta)) {
                    throw new IOException(file + ": __metadata__ is not an object");
                }
                for (Map.Entry<?, ?> m : meta.entrySet()) {
                    if (!(m.getValue() instanceof String value)) {
                        throw new IOException(file + ": __metadata__ value of '" + m.getKey() + "' is not a string");
                    }
                    metadata.put((String) m.getKey(), value);
                }
                continue;
            }
            String where = file + ": tensor '" + name + "'";
            if (name.isEmpty()) {
                throw new IOException(file + ": a tensor has an empty name");
            }
            if (!(entry.getValue() instanceof Map<?, ?> fields)) {
                throw new IOException(where + " is not an object");
            }
            if (!fields.keySet().equals(Set.of("dtype", "shape", "data_offsets"))) {
                throw new IOException(where + " has fields " + fields.keySet() + ", expected dtype, shape, data_offsets");
            }
            if (!(fields.get("dtype") instanceof String dtypeName)) {
                throw new IOException(where + ": dtype is not a string");
            }
            Dtype dtype = switch (dtypeName) {
                case "F16" -> Dtype.F16;
                case "BF16" -> Dtype.BF16;
                case "F32" -> Dtype.F32;
                case "F64" -> Dtype.F64;
                default -> throw new IOException(where + ": " + (NOT_FLOAT.contains(dtypeName)
                        ? "dtype " + dtypeName + " is not a floating-point type Tensorlane reads (F16, BF16, F32, F64)"
                        : "unknown dtype '" + dtypeName + "'"));
            };
            int[] shape = shape(where, fields.get("shape"));
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            long[] span = offsets(where, fields.get("data_offsets"));
            if (span[0] > span[1]) {
                throw new IOException(where + ": data_offsets [" + span[0] + ", " + span[1] + "] are out of order");
            }
            if (span[1] > dataLength) {
                throw new IOException(where + ": data_offsets [" + span[0] + ", " + span[1] + "] reach past the end of"
                        + " the file (" + dataLength + " data bytes)");
            }
            if (span[1] - span[0] != count * dtype.bytes()) {
                throw new IOException(where + ": " + dtype + " " + java.util.Arrays.toString(shape) + " needs "
                        + count * dtype.bytes() + " bytes, its data_offsets [" + span[0] + ", " + span[1] + "] span "
                        + (span[1] - span[0]));
            }
            spans.put(name, span);
            begins.put(name, span[0]);
            list.add(new TensorInfo(name, dtype, shape));
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(spans.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                .thenComparingLong(e -> e.getValue()[1]));
        long end = 0;
        String previous = null;
        for (Map.Entry<String, long[]> e : sorted) {
            long[] span = e.getValue();
            if (span[0] < end) {
                throw new IOException(file + ": data of tensors '" + previous + "' and '" + e.getKey() + "' overlap");
            }
            if (span[0] > end) {
                throw new IOException(file + ": data bytes " + end + ".." + span[0] + " belong to no tensor");
            }
            end = span[1];
            previous = e.getKey();
        }
        if (end != dataLength) {
            throw new IOException(file + ": data bytes " + end + ".." + dataLength + " belong to no tensor");
        }
        return list;
    }

    private static int[] shape(String where, Object value) throws IOException {
        if (!(value instanceof List<?> list) || list.size() > 64) {
            throw new IOException(where + ": shape is not a list of dimensions");
        }
        int[] shape = new int[list.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(list.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new IOException(where + ": shape " + list + " has a dimension that is not a size");
            }
            shape[i] = (int) (long) d;
            count *= d;
            if (count > MAX_ELEMENTS) {
                throw new IOException(where + ": shape " + list + " has more than " + MAX_ELEMENTS + " elements");
            }
        }
        return shape;
    }

    private static long[] offsets(String where, Object value) throws IOException {
        if (!(value instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Long begin)
                || !(list.get(1) instanceof Long end) || begin < 0 || end < 0) {
            throw new IOException(where + ": data_offsets " + value + " is not a pair [begin, end] of byte offsets");
        }
        return new long[] {begin, end};
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(path() + ": ends early");
            }
        }
        return buffer.flip();
    }

    @Override
    public Map<String, String> metadata() {
        return java.util.Collections.unmodifiableMap(metadata);
    }

    @Override
    void readData(TensorInfo info, float[] dst, int offset) throws IOException {
        int bytes = info.dtype().bytes();
        int chunk = (64 << 10) / bytes;
        long count = info.elementCount();
        long position = dataStart + begins.get(info.name());
        for (long done = 0; done < count; done += chunk) {
            int n = (int) Math.min(chunk, count - done);
            ByteBuffer b = readFully(position + done * bytes, n * bytes).order(ByteOrder.LITTLE_ENDIAN);
            decode(b, info.dtype(), dst, offset + (int) done, n);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Writes tensors in the given order, contiguous, converted to {@code dtype}, with {@code metadata} as
     * {@code __metadata__}; the JSON header is padded with spaces to a multiple of 8 bytes, as the reference
     * implementation does.
     */
    static void write(Path file, List<Tensor> tensors, Dtype dtype, Map<String, String> metadata) throws IOException {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            String sep = "";
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                json.append(sep).append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
                sep = ",";
            }
            json.append('}');
        }
        long offset = 0;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Tensor t : tensors) {
            if (!names.add(t.name()) || t.name().equals("__metadata__")) {
                throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice or is reserved");
            }
            long end = offset + (long) t.values().length * dtype.bytes();
            json.append(json.length() == 1 ? "" : ",").append(Json.quote(t.name())).append(":{\"dtype\":\"")
                    .append(dtype.name()).append("\",\"shape\":").append(java.util.Arrays.toString(t.shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        long total = 8L + padded + offset;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensors of " + offset + " bytes are too large for one file here");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors) {
            for (float v : t.values()) {
                switch (dtype) {
                    case F32 -> out.putFloat(v);
                    case F64 -> out.putDouble(v);
                    case F16 -> out.putShort(Dtype.floatToHalf(v));
                    case BF16 -> out.putShort(Dtype.floatToBfloat16(v));
                }
            }
        }
        AtomicWrite.write(file, out.array());
    }
}
