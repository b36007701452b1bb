package dev.tensorlane.jmh.track;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark result of a JMH JSON file: its key (benchmark name and parameters, stable across runs), its
 * score (the median of the measured iterations when JMH recorded them, else JMH's score) and its error (JMH's
 * 99.9% confidence half-width; 0 when JMH could not compute one).
 */
public record Result(String benchmark, Map<String, String> params, String mode, String unit,
                     double score, double error) {

    public Result {
        params = new TreeMap<>(params);
    }

    /** "Benchmark.method" plus sorted params: the key a baseline is matched on. */
    public String key() {
        StringBuilder s = new StringBuilder(shortName());
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }

    /** Class and method, without the package. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** Throughput modes: higher is better; time modes (avgt, sample, ss): lower is better. */
    public boolean higherIsBetter() {
        return mode.equals("thrpt");
    }
}
