package dev.tensorlane.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .npy} format (NEP 1): magic {@code \x93NUMPY}, a version byte pair (1.0, 2.0 or 3.0), a little-endian
 * header length (2 bytes in 1.0, 4 after), then a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}, padded with spaces and a newline, then the raw data.
 */
final class Npy {
    private Npy() {}

    /** numpy itself refuses headers over 10,000 bytes by default; we allow a little more. */
    static final int MAX_HEADER = 1 << 16;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** A parsed header: where the data starts, its element type and byte order, and the layout. */
    record Header(long dataOffset, Dtype dtype, ByteOrder order, boolean fortranOrder, int[] shape) {
        long elementCount() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    static Header readHeader(InputStream in, String where) throws IOException {
        byte[] start = in.readNBytes(8);
        if (start.length < 8 || !java.util.Arrays.equals(start, 0, 6, MAGIC, 0, 6)) {
            throw new IOException(where + ": not a .npy array (bad magic)");
        }
        int major = start[6], minor = start[7];
        if ((major < 1 || major > 3) || minor != 0) {
            throw new IOException(where + ": .npy format version " + major + "." + minor + ", readable are 1.0, 2.0, 3.0");
        }
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lengthBytes.length < (major == 1 ? 2 : 4)) {
            throw new IOException(where + ": truncated .npy header");
        }
        ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long length = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        if (length > MAX_HEADER) {
            throw new IOException(where + ": .npy header of " + length + " bytes, over the limit of " + MAX_HEADER);
        }
        byte[] text = in.readNBytes((int) length);
        if (text.length < length) {
            throw new IOException(where + ": truncated .npy header (" + text.length + " of " + length + " bytes)");
        }
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> fields;
        try {
            fields = new DictParser(dict).parse();
        } catch (IllegalStateException e) {
            throw new IOException(where + ": malformed .npy header: " + e.getMessage());
        }
        if (!fields.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new IOException(where + ": .npy header has keys " + fields.keySet()
                    + ", expected descr, fortran_order, shape");
        }
        if (!(fields.get("descr") instanceof String descr)) {
            throw new IOException(where + ": .npy descr " + fields.get("descr") + " is not a simple type");
        }
        if (!(fields.get("fortran_order") instanceof Boolean fortran)) {
            throw new IOException(where + ": .npy fortran_order is not True or False");
        }
        if (!(fields.get("shape") instanceof long[] dims)) {
            throw new IOException(where + ": .npy shape is not a tuple of integers");
        }
        ByteOrder order;
        Dtype dtype;
        if (descr.length() == 3 && (descr.charAt(0) == '<' || descr.charAt(0) == '>') && descr.charAt(1) == 'f') {
            order = descr.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            dtype = switch (descr.charAt(2)) {
                case '2' -> Dtype.F16;
                case '4' -> Dtype.F32;
                case '8' -> Dtype.F64;
                default -> null;
            };
        } else {
            order = null;
            dtype = null;
        }
        if (dtype == null) {
            throw new IOException(where + ": .npy dtype '" + descr + "' is not float16, float32 or float64");
        }
        int[] shape = new int[dims.length];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new IOException(where + ": .npy shape has dimension " + dims[i]);
            }
            shape[i] = (int) dims[i];
            count *= dims[i];
            if (count > WeightsFile.MAX_ELEMENTS) {
                throw new IOException(where + ": .npy shape " + java.util.Arrays.toString(dims) + " has more than "
                        + WeightsFile.MAX_ELEMENTS + " elements");
            }
        }
        return new Header(8L + lengthBytes.length + length, dtype, order, fortran, shape);
    }

    /** A version 1.0 header for little-endian float32 data of this shape, padded to 64 bytes as numpy does. */
    static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(dims).append(", }");
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        dict.append(" ".repeat(padded - total)).append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(padded);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        int length = dict.length();
        out.write(length & 0xff);
        out.write(length >>> 8);
        out.writeBytes(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Fortran (column-major) order to row-major. */
    static void toRowMajor(float[] columnMajor, int[] shape, float[] dst, int offset) {
        int n = columnMajor.length;
        int[] index = new int[shape.length];
        // walk the source in column-major order (first index fastest), writing each value where row-major puts it
        for (int i = 0; i < n; i++) {
            long rowMajor = 0;
            for (int d = 0; d < shape.length; d++) {
                rowMajor = rowMajor * shape[d] + index[d];
            }
            dst[offset + (int) rowMajor] = columnMajor[i];
            for (int d = 0; d < shape.length && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
    }

    /**
     * The header's Python literal: a dict of string keys to strings, True/False or tuples of integers (with the
     * Python 2 {@code L} suffix allowed), nothing else.
     */
    private static final class DictParser {
        private final String s;
        private int at;

        DictParser(String s) {
            this.s = s;
        }

        Map<String, Object> parse() {
            Map<String, Object> map = new LinkedHashMap<>();
            space();
            expect('{');
            while (true) {
                space();
                if (peek() == '}') {
                    at++;
                    break;
                }
                String key = string();
                space();
                expect(':');
                space();
                Object value = value();
                if (map.put(key, value) != null) {
                    throw new IllegalStateException("duplicate key '" + key + "'");
                }
                space();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw new IllegalStateException("expected ',' or '}' at character " + at);
                }
            }
            space();
            if (at != s.length()) {
                throw new IllegalStateException("unexpected text after the dict at character " + at);
            }
            return map;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                return tuple();
            }
            throw new IllegalStateException("unsupported value at character " + at);
        }

        private long[] tuple() {
            at++;
            List<Long> dims = new ArrayList<>();
            while (true) {
                space();
                if (peek() == ')') {
                    at++;
                    break;
                }
                int start = at;
                while (peek() >= '0' && peek() <= '9') {
                    at++;
                }
                if (start == at || at - start > 18) {
                    throw new IllegalStateException("bad integer in shape at character " + start);
                }
                dims.add(Long.parseLong(s.substring(start, at)));
                if (peek() == 'L') {
                    at++;
                }
                space();
                if (peek() == ',') {
                    at++;
                } else if (peek() != ')') {
                    throw new IllegalStateException("expected ',' or ')' at character " + at);
                }
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw new IllegalStateException("expected a string at character " + at);
            }
            int end = s.indexOf(quote, at + 1);
            if (end < 0) {
                throw new IllegalStateException("unterminated string at character " + at);
            }
            String v = s.substring(at + 1, end);
            if (v.indexOf('\\') >= 0) {
                throw new IllegalStateException("escapes are not supported in header strings");
            }
            at = end + 1;
            return v;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalStateException("expected '" + c + "' at character " + at);
            }
            at++;
        }

        private char peek() {
            return at < s.length() ? s.charAt(at) : '\0';
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }
    }
}
