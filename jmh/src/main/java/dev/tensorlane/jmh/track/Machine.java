package dev.tensorlane.jmh.track;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.tensorlane.Tensorlane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run was measured on: CPU model, cores, SIMD width the kernels used, JDK. Written next to a result file
 * as {@code NAME.machine.json}; the comparator warns when two runs differ here.
 */
public record Machine(String cpu, int cores, int vectorBits, String jdk) {

    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), Tensorlane.vectorBitSize(),
                System.getProperty("java.vm.vendor") + " " + Runtime.version());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
    }

    /** The machine file that belongs to a result file, if there is one. */
    public static Path fileFor(Path results) {
        String name = results.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return results.resolveSibling(base + ".machine.json");
    }

    public static Machine read(Path file) throws IOException {
        try {
            Machine m = new Gson().fromJson(Files.readString(file), Machine.class);
            if (m == null || m.cpu() == null || m.jdk() == null) {
                throw new IOException(file + ": not a machine description (needs cpu, cores, vectorBits, jdk)");
            }
            return m;
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a machine description (" + e.getMessage() + ")", e);
        }
    }

    public String describe() {
        return cpu + ", " + cores + " cores, " + (vectorBits == 0 ? "scalar" : vectorBits + "-bit vectors") + ", " + jdk;
    }

    /** Writes the current machine's description for a result file: {@code Machine RESULTS.json}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Machine RESULTS.json   (writes RESULTS.machine.json)");
            System.exit(2);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(fileFor(Path.of(args[0])), gson.toJson(current()) + "\n");
    }
}
