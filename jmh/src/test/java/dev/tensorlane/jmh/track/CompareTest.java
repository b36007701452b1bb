package dev.tensorlane.jmh.track;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparator on hand-written JMH JSON. */
class CompareTest {

    @TempDir
    Path dir;

    private static final String QUOTED_NAN = "\"NaN\"";

    /** A JMH result entry; raw iterations give the median the comparator uses. */
    static String entry(String name, String params, String mode, double score, double error, double... raw) {
        StringBuilder rawData = new StringBuilder("[[");
        for (int i = 0; i < raw.length; i++) {
            rawData.append(i == 0 ? "" : ",").append(raw[i]);
        }
        rawData.append("]]");
        return String.format(Locale.ROOT, """
                {"jmhVersion":"1.37","benchmark":"dev.tensorlane.jmh.%s","mode":"%s","threads":1,"forks":1,
                 "params":{%s},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ops/s","rawData":%s}}""",
                name, mode, params, score, Double.isNaN(error) ? QUOTED_NAN : Double.toString(error), rawData);
    }

    Path file(String name, String... entries) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "[" + String.join(",", entries) + "]");
        return p;
    }

    record Run(int status, String out, String err) {}

    static Run compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Compare.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClearRegressionIsFlaggedAndFailsTheRun() throws Exception {
        Path base = file("base.json", entry("SoftmaxBenchmark.softmax", "\"backend\":\"vector\",\"shape\":\"4096x10\"",
                "thrpt", 16000, 300, 15900, 16000, 16100));
        Path now = file("now.json", entry("SoftmaxBenchmark.softmax", "\"backend\":\"vector\",\"shape\":\"4096x10\"",
                "thrpt", 11000, 250, 10900, 11000, 11100));
        Run run = compare(base.toString(), now.toString(), "--report", dir.resolve("report").toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("SLOWER"), run.out());
        assertTrue(run.out().contains("0.688"), run.out());
        assertTrue(Files.readString(dir.resolve("report/comparison.md")).contains("**SLOWER**"));
        assertTrue(Files.size(dir.resolve("report/comparison.png")) > 1000);
    }

    @Test
    void noiseWithinTheErrorIntervalsDoesNotFlag() throws Exception {
        // 8% slower, but the error intervals (±700 each) cover it.
        Path base = file("base.json", entry("GemmBenchmark.gemm", "\"size\":\"512\"", "thrpt", 10000, 700, 10000));
        Path now = file("now.json", entry("GemmBenchmark.gemm", "\"size\":\"512\"", "thrpt", 9200, 700, 9200));
        Run run = compare(base.toString(), now.toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("SAME"));
    }

    @Test
    void tinyErrorsStillNeedTheMinimumRelativeChange() throws Exception {
        // 6% slower with errors far smaller than that: under the 10% minimum, so not a regression; at 5% it is.
        Path base = file("base.json", entry("A.b", "", "thrpt", 100, 0.1, 100));
        Path now = file("now.json", entry("A.b", "", "thrpt", 94, 0.1, 94));
        assertEquals(0, compare(base.toString(), now.toString()).status());
        assertEquals(1, compare(base.toString(), now.toString(), "--threshold", "0.05").status());
    }

    @Test
    void timeModesAreLowerIsBetterAndTheMedianOfRawDataIsUsed() throws Exception {
        // avgt: time went from 10 to 15 units: slower. The mean score 10 hides an outlier; the median is 10.
        Path base = file("base.json", entry("A.t", "", "avgt", 12, Double.NaN, 10, 10, 16));
        Path now = file("now.json", entry("A.t", "", "avgt", 15, Double.NaN, 15, 15, 15));
        Run run = compare(base.toString(), now.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("0.667"), run.out());
    }

    @Test
    void newAndMissingBenchmarksAreReportedNotCrashedOn() throws Exception {
        Path base = file("base.json", entry("A.kept", "", "thrpt", 10, 0, 10), entry("A.gone", "", "thrpt", 10, 0, 10));
        Path now = file("now.json", entry("A.kept", "", "thrpt", 10, 0, 10), entry("A.added", "", "thrpt", 5, 0, 5));
        Run run = compare(base.toString(), now.toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("MISSING") && run.out().contains("NEW"), run.out());
    }

    @Test
    void malformedJsonIsAClearError() throws Exception {
        Path base = file("base.json", entry("A.b", "", "thrpt", 10, 0, 10));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"benchmark\": ");
        Run run = compare(base.toString(), broken.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("broken.json") && run.err().contains("not a JMH JSON result file"), run.err());
        Files.writeString(broken, "{\"not\": \"a list\"}");
        assertEquals(2, compare(base.toString(), broken.toString()).status());
        Files.writeString(broken, "[{\"benchmark\": \"A.b\", \"mode\": \"thrpt\"}]");
        run = compare(base.toString(), broken.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("primaryMetric"), run.err());
        assertEquals(2, compare(base.toString()).status(), "one file only");
        assertEquals(2, compare(base.toString(), dir.resolve("none.json").toString()).status());
    }

    @Test
    void differentMachinesAreWarnedAbout() throws Exception {
        Path base = file("base.json", entry("A.b", "", "thrpt", 10, 0, 10));
        Path now = file("now.json", entry("A.b", "", "thrpt", 10, 0, 10));
        Files.writeString(dir.resolve("base.machine.json"), "{\"cpu\":\"AMD EPYC\",\"cores\":2,\"vectorBits\":512,\"jdk\":\"17\"}");
        Files.writeString(dir.resolve("now.machine.json"), "{\"cpu\":\"Apple M2\",\"cores\":8,\"vectorBits\":128,\"jdk\":\"25\"}");
        Run run = compare(base.toString(), now.toString());
        assertEquals(0, run.status());
        assertTrue(run.err().contains("different machines") && run.err().contains("Apple M2"), run.err());
        Files.writeString(dir.resolve("now.machine.json"), "{\"cpu\":\"AMD EPYC\",\"cores\":2,\"vectorBits\":512,\"jdk\":\"17\"}");
        assertFalse(compare(base.toString(), now.toString()).err().contains("different machines"));
    }
}
