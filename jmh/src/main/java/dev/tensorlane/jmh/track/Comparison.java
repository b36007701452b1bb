package dev.tensorlane.jmh.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline against now, benchmark by benchmark.
 *
 * <p>A change counts only when it is beyond the noise on both counts: larger than the two runs' error
 * intervals added together, and larger than a minimum relative change (default 10%). The first guards against
 * runs whose JMH error is honest, the second against runs whose error is too small to be true (one fork on a
 * shared 2-core machine drifts by several percent between runs of the same build).
 */
public final class Comparison {

    public enum Verdict { SLOWER, FASTER, SAME, NEW, MISSING }

    /** One line of the comparison; {@code speedup} > 1 means faster now (for any JMH mode). */
    public record Row(String key, Result baseline, Result now, double speedup, Verdict verdict) {}

    private final List<Row> rows;

    private Comparison(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean hasRegressions() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.SLOWER);
    }

    public static Comparison of(List<Result> baseline, List<Result> now, double minRelativeChange) {
        if (!(minRelativeChange >= 0 && minRelativeChange < 1)) {
            throw new IllegalArgumentException("minimum relative change " + minRelativeChange + " is not in [0, 1)");
        }
        Map<String, Result> base = index(baseline);
        Map<String, Result> current = index(now);
        List<Row> rows = new ArrayList<>();
        for (Result b : base.values()) {
            Result n = current.get(b.key());
            if (n == null) {
                rows.add(new Row(b.key(), b, null, Double.NaN, Verdict.MISSING));
                continue;
            }
            double speedup = b.higherIsBetter() ? n.score() / b.score() : b.score() / n.score();
            double delta = Math.abs(n.score() - b.score());
            boolean beyondErrors = delta > b.error() + n.error();
            boolean beyondMinimum = Math.abs(speedup - 1) > minRelativeChange;
            Verdict verdict = beyondErrors && beyondMinimum ? (speedup < 1 ? Verdict.SLOWER : Verdict.FASTER)
                    : Verdict.SAME;
            rows.add(new Row(b.key(), b, n, speedup, verdict));
        }
        for (Result n : current.values()) {
            if (!base.containsKey(n.key())) {
                rows.add(new Row(n.key(), null, n, Double.NaN, Verdict.NEW));
            }
        }
        return new Comparison(rows);
    }

    private static Map<String, Result> index(List<Result> results) {
        Map<String, Result> map = new LinkedHashMap<>();
        for (Result r : results) {
            map.put(r.key(), r);
        }
        return map;
    }
}
