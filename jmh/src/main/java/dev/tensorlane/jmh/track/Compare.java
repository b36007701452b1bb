package dev.tensorlane.jmh.track;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code Compare BASELINE.json NOW.json [--threshold 0.10] [--report DIR]}: prints the comparison table, writes
 * {@code comparison.md} and {@code comparison.png} to DIR when asked, and exits 1 when a benchmark got slower
 * beyond the noise, 2 on bad arguments or unreadable files, 0 otherwise. Warns when the two runs were measured
 * on different machines (their {@code .machine.json} files differ).
 */
public final class Compare {
    private Compare() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path baseline = null, now = null, report = null;
        double threshold = 0.10;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threshold" -> threshold = Double.parseDouble(value(args, ++i, "--threshold"));
                    case "--report" -> report = Path.of(value(args, ++i, "--report"));
                    default -> {
                        if (baseline == null) {
                            baseline = Path.of(args[i]);
                        } else if (now == null) {
                            now = Path.of(args[i]);
                        } else {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                    }
                }
            }
            if (now == null) {
                throw new IllegalArgumentException("usage: compare BASELINE.json NOW.json [--threshold 0.10] [--report DIR]");
            }
            List<Result> base = JmhJson.read(baseline);
            List<Result> current = JmhJson.read(now);
            String baseMachine = machine(baseline), nowMachine = machine(now);
            if (!baseMachine.equals(nowMachine)) {
                err.println("WARNING: the runs come from different machines; differences may be the machine's:");
                err.println("  baseline: " + baseMachine);
                err.println("  now:      " + nowMachine);
            }
            Comparison comparison = Comparison.of(base, current, threshold);
            out.print(Report.text(comparison));
            if (report != null) {
                Files.createDirectories(report);
                Files.writeString(report.resolve("comparison.md"), Report.markdown(comparison, baseMachine, nowMachine, threshold));
                Report.chart(comparison, report.resolve("comparison.png"));
                out.println("wrote " + report.resolve("comparison.md") + " and " + report.resolve("comparison.png"));
            }
            long slower = comparison.rows().stream().filter(r -> r.verdict() == Comparison.Verdict.SLOWER).count();
            out.println(slower == 0 ? "no regressions" : slower + " regression(s)");
            return slower == 0 ? 0 : 1;
        } catch (IllegalArgumentException | IOException e) {
            err.println("compare: " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static String machine(Path results) throws IOException {
        Path file = Machine.fileFor(results);
        return Files.isRegularFile(file) ? Machine.read(file).describe() : "unknown machine (no " + file.getFileName() + ")";
    }
}
