package dev.tensorlane.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options; every value is checked and every option must be known to the command. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            values.put(a.substring(2), args[++i]);
        }
    }

    boolean has(String name) {
        used.add(name);
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    /** {@code --name on|off}: true for on, false for off, the fallback when absent. */
    boolean onOff(String name, boolean fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--" + name + " " + v + " is not one of on, off");
        };
    }

    int positiveInt(String name, int fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " " + v + " is not a positive integer");
    }

    long longValue(String name, long fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " " + v + " is not an integer");
        }
    }

    float positiveFloat(String name, float fallback) {
        float f = floatValue(name, fallback);
        if (!(f > 0)) {
            throw new IllegalArgumentException("--" + name + " " + f + " must be > 0");
        }
        return f;
    }

    float nonNegativeFloat(String name, float fallback) {
        float f = floatValue(name, fallback);
        if (!(f >= 0)) {
            throw new IllegalArgumentException("--" + name + " " + f + " must be >= 0");
        }
        return f;
    }

    private float floatValue(String name, float fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            float f = Float.parseFloat(v);
            if (Float.isFinite(f)) {
                return f;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " " + v + " is not a number");
    }

    void requireAllUsed() {
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }
}
