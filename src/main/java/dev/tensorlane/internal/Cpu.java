package dev.tensorlane.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Vector API does not say about the processor: its vendor, for the few kernel choices whose speed
 * differs between Intel's and AMD's AVX-512 cores (never their results: the paths chosen give the same bits).
 */
public final class Cpu {
    private Cpu() {}

    private static final String VENDOR = readVendor(Path.of("/proc/cpuinfo"));

    /** {@code GenuineIntel}, {@code AuthenticAMD}, or empty where it cannot be read (not Linux, no access). */
    public static String vendor() {
        return VENDOR;
    }

    public static boolean isIntel() {
        return VENDOR.equals("GenuineIntel");
    }

    /** The first {@code vendor_id} line of a /proc/cpuinfo-format file, looked for in its first 64 lines. */
    static String readVendor(Path cpuinfo) {
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int i = 0; i < 64 && (line = in.readLine()) != null; i++) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("vendor_id")) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // Unknown vendor: the kernels keep their defaults.
        }
        return "";
    }
}
