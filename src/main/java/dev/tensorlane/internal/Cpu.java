package dev.tensorlane.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Vector API does not say about the processor: its vendor, family and model, for the few kernel choices
 * whose speed differs between AVX-512 cores that issue two 512-bit FMAs a cycle and those that split each into
 * two 256-bit halves (never their results: the paths chosen give the same bits).
 */
public final class Cpu {
    private Cpu() {}

    private static final String[] ID = read(Path.of("/proc/cpuinfo"));
    private static final String VENDOR = ID[0];
    private static final boolean FULL_WIDTH_512 = fullWidth512(ID[0], number(ID[1]), number(ID[2]));

    /** {@code GenuineIntel}, {@code AuthenticAMD}, or empty where it cannot be read (not Linux, no access). */
    public static String vendor() {
        return VENDOR;
    }

    /** Intel's cores, whose AVX-512 gathers ran several times faster than Zen 5's in the kernels that use them. */
    public static boolean isIntel() {
        return VENDOR.equals("GenuineIntel");
    }

    /**
     * Whether a 512-bit FMA issues at the rate of a 256-bit one: Intel's AVX-512 cores, and AMD's from Zen 5 on
     * (family 26), except its mobile parts with a 256-bit datapath (models 0x20–0x2F, Strix Point, and 0x60–0x6F,
     * Krackan Point). Zen 4 (family 25) splits each 512-bit operation in two. Measured on Intel (a Xeon VM) and on
     * family 26 model 2 (EPYC Turin), where the choices that read this ran 1.15–1.49× faster than Zen 4's (see
     * VectorGemm's NARROW_HALVES and SHALLOW_PANELS).
     */
    public static boolean fullWidth512() {
        return FULL_WIDTH_512;
    }

    static boolean fullWidth512(String vendor, int family, int model) {
        if (vendor.equals("GenuineIntel")) {
            return true;
        }
        boolean halfWidthZen5 = family == 26 && (model >= 0x20 && model <= 0x2F || model >= 0x60 && model <= 0x6F);
        return vendor.equals("AuthenticAMD") && family >= 26 && !halfWidthZen5;
    }

    /** The first {@code vendor_id} line of a /proc/cpuinfo-format file, looked for in its first 64 lines. */
    static String readVendor(Path cpuinfo) {
        return read(cpuinfo)[0];
    }

    /**
     * The first {@code vendor_id}, {@code cpu family} and {@code model} values of a /proc/cpuinfo-format file,
     * looked for in its first 64 lines; empty strings for those not found or where it cannot be read.
     */
    static String[] read(Path cpuinfo) {
        String[] keys = {"vendor_id", "cpu family", "model"};
        String[] values = {"", "", ""};
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int i = 0; i < 64 && (line = in.readLine()) != null; i++) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String key = line.substring(0, colon).trim();
                    for (int j = 0; j < keys.length; j++) {
                        if (key.equals(keys[j]) && values[j].isEmpty()) {
                            values[j] = line.substring(colon + 1).trim();
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // Unknown processor: the kernels keep their defaults.
        }
        return values;
    }

    /** A decimal field of /proc/cpuinfo, or -1 where it is missing or not a number. */
    static int number(String field) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
