package dev.tensorlane.jmh.track;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result format ({@code -rf json}) with Gson. */
public final class JmhJson {
    private JmhJson() {}

    public static List<Result> read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            throw new IOException(file + ": not a JMH JSON result file (" + e.getMessage() + ")", e);
        }
    }

    static List<Result> parse(String text) {
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonArray()) {
            throw new IllegalStateException("the top level is not an array of benchmark results");
        }
        List<Result> results = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray()) {
            JsonObject o = element.getAsJsonObject();
            String benchmark = required(o, "benchmark").getAsString();
            String mode = required(o, "mode").getAsString();
            Map<String, String> params = new HashMap<>();
            if (o.has("params") && o.get("params").isJsonObject()) {
                o.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
            }
            JsonObject metric = required(o, "primaryMetric").getAsJsonObject();
            double score = required(metric, "score").getAsDouble();
            double error = metric.has("scoreError") ? parseDouble(metric.get("scoreError")) : Double.NaN;
            String unit = metric.has("scoreUnit") ? metric.get("scoreUnit").getAsString() : "";
            double median = median(metric.get("rawData"));
            results.add(new Result(benchmark, params, mode, unit, Double.isNaN(median) ? score : median,
                    Double.isFinite(error) ? error : 0));
        }
        return results;
    }

    private static JsonElement required(JsonObject o, String name) {
        if (!o.has(name) || o.get(name).isJsonNull()) {
            throw new IllegalStateException("a result lacks \"" + name + "\"");
        }
        return o.get(name);
    }

    /** JMH writes "NaN" as a string when there is no error estimate. */
    private static double parseDouble(JsonElement e) {
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    private static double median(JsonElement rawData) {
        if (rawData == null || !rawData.isJsonArray()) {
            return Double.NaN;
        }
        List<Double> values = new ArrayList<>();
        for (JsonElement fork : rawData.getAsJsonArray()) {
            if (fork.isJsonArray()) {
                for (JsonElement v : (JsonArray) fork) {
                    values.add(v.getAsDouble());
                }
            }
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
