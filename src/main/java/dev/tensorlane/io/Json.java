package dev.tensorlane.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict subset of JSON (RFC 8259) that a safetensors header needs, so that the library keeps no runtime
 * dependency: objects (duplicate keys refused), arrays, strings, integers, other numbers, true, false, null.
 * Objects become {@link LinkedHashMap}s in file order, integers {@link Long}s, other numbers {@link Double}s.
 * Nesting is limited so that a hostile header cannot exhaust the stack.
 */
final class Json {
    static final int MAX_DEPTH = 32;

    /** A syntax error, with the offset where it was found. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message, int at) {
            super(message + " at character " + at);
        }
    }

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.at != text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(p.at) + "' after the value", p.at);
        }
        return value;
    }

    private Object value(int depth) throws SyntaxException {
        if (at >= text.length()) {
            throw new SyntaxException("unexpected end", at);
        }
        char c = text.charAt(at);
        switch (c) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new SyntaxException("unexpected '" + c + "'", at);
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw new SyntaxException("nesting deeper than " + MAX_DEPTH, at);
        }
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw new SyntaxException("expected a string key", at);
            }
            int keyAt = at;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value(depth);
            if (map.containsKey(key)) {
                throw new SyntaxException("duplicate key \"" + key + "\"", keyAt);
            }
            map.put(key, value);
            skipSpace();
            char c = peek();
            at++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new SyntaxException("expected ',' or '}'", at - 1);
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw new SyntaxException("nesting deeper than " + MAX_DEPTH, at);
        }
        at++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = peek();
            at++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw new SyntaxException("expected ',' or ']'", at - 1);
            }
        }
    }

    private String string() throws SyntaxException {
        at++; // opening quote
        StringBuilder s = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw new SyntaxException("unterminated string", at);
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw new SyntaxException("control character in a string", at - 1);
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw new SyntaxException("unterminated string", at);
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"': case '\\': case '/': s.append(e); break;
                case 'b': s.append('\b'); break;
                case 'f': s.append('\f'); break;
                case 'n': s.append('\n'); break;
                case 'r': s.append('\r'); break;
                case 't': s.append('\t'); break;
                case 'u':
                    if (at + 4 > text.length()) {
                        throw new SyntaxException("truncated \\u escape", at);
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(at++), 16);
                        if (d < 0) {
                            throw new SyntaxException("bad \\u escape", at - 1);
                        }
                        code = code * 16 + d;
                    }
                    s.append((char) code);
                    break;
                default:
                    throw new SyntaxException("bad escape '\\" + e + "'", at - 1);
            }
        }
    }

    private Object number() throws SyntaxException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') {
                at++;
            }
        } else {
            throw new SyntaxException("bad number", start);
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            at++;
            digits(start);
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits(start);
        }
        String literal = text.substring(start, at);
        if (integer) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                throw new SyntaxException("integer " + literal + " out of range", start);
            }
        }
        return Double.parseDouble(literal);
    }

    private void digits(int start) throws SyntaxException {
        if (!(peek() >= '0' && peek() <= '9')) {
            throw new SyntaxException("bad number", start);
        }
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
    }

    private Object literal(String word, Object value) throws SyntaxException {
        if (!text.startsWith(word, at)) {
            throw new SyntaxException("unexpected '" + text.charAt(at) + "'", at);
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw new SyntaxException("expected '" + c + "'", at);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
