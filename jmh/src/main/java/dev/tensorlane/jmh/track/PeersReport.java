package dev.tensorlane.jmh.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code PeersReport PEERS.json}: for each shape of {@code PeersBenchmark}, GFLOP/s of every implementation and
 * Tensorlane's ratio to each, all from one run.
 */
public final class PeersReport {
    private PeersReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PeersReport PEERS.json");
            System.exit(2);
        }
        System.out.print(report(JmhJson.read(Path.of(args[0]))));
    }

    static double flops(String shape) {
        String[] kind = shape.split(":");
        if (kind[1].contains("x")) {
            String[] p = kind[1].split("x");
            return 2.0 * Long.parseLong(p[0]) * Long.parseLong(p[1]) * Long.parseLong(p[2]);
        }
        double s = Double.parseDouble(kind[1]);
        return 2 * s * s * s;
    }

    static String report(List<Result> results) {
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.benchmark().endsWith("PeersBenchmark.multiply")) {
                continue;
            }
            String shape = r.params().get("problem");
            byShape.computeIfAbsent(shape, s -> new LinkedHashMap<>())
                    .put(r.params().get("impl"), r.score() * flops(shape) / 1e9);
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-20s %-14s %10s %18s%n", "problem", "impl",
                "GFLOP/s", "tensorlane / impl"));
        byShape.forEach((shape, impls) -> {
            Double ours = impls.get("tensorlane");
            impls.forEach((impl, gflops) -> s.append(String.format(Locale.ROOT, "%-20s %-14s %10.1f %18s%n", shape,
                    impl, gflops, ours == null || impl.startsWith("tensorlane") ? "" :
                            String.format(Locale.ROOT, "%.2f×", ours / gflops))));
        });
        return s.toString();
    }
}
