package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeapLayoutTest {

    private static String flag(String name) {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    }

    @Test
    void aLineStartsTwelveFloatsInWithCompressedClassPointers() {
        // The test JVMs run HotSpot with its default headers: 16 bytes before a float[]'s first element.
        assertEquals("true", flag("UseCompressedClassPointers"));
        assertEquals(12, HeapLayout.lineStart());
    }

    @Test
    void buffersHoldTheAskedFloatsPastTheLineStartAllZero() {
        for (int n : new int[] {0, 1, 1000, 1 << 18, 3 << 20}) {
            float[] f = HeapLayout.floats(n);
            assertTrue(f.length >= n + HeapLayout.lineStart(), "n = " + n + ": length " + f.length);
            for (float x : f) {
                assertEquals(0f, x);
            }
        }
    }

    @Test
    void aNegativeCountIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeapLayout.floats(-1));
        assertTrue(e.getMessage().contains("n = -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeapLayout.floats(Integer.MAX_VALUE));
    }

    @Test
    void alignmentIsClaimedOnlyWhereTheCollectorOrTheObjectAlignmentFixesIt() {
        boolean g1 = Boolean.parseBoolean(flag("UseG1GC"));
        boolean lineAligned = Long.parseLong(flag("ObjectAlignmentInBytes")) % 64 == 0;
        if (!g1 && !lineAligned) {
            for (int n : new int[] {0, 1000, 1 << 20, 3 << 20}) {
                assertFalse(HeapLayout.aligns(HeapLayout.floats(n).length), "n = " + n);
            }
        }
        if (g1) {
            // A buffer made humongous (more than half a G1 region) starts at a region's start.
            long region = Long.parseLong(flag("G1HeapRegionSize"));
            float[] f = HeapLayout.floats(1000);
            assertEquals(f.length >= region / 8, HeapLayout.aligns(f.length));
            assertTrue(HeapLayout.aligns(HeapLayout.floats((int) (region / 4)).length));
        }
    }

    /**
     * The test JVMs run the parallel collector, so the two cases that do align are checked in JVMs of their own: G1,
     * where a buffer from floats() is humongous (its region's size read from the flags), and 64-byte object alignment.
     */
    @Test
    void g1AndLineAlignedObjectsAreRecognisedInJvmsStartedWithThem() throws Exception {
        assertEquals("12 true true", probe("-XX:+UseG1GC"));
        assertEquals("12 true true", probe("-XX:+UseParallelGC", "-XX:ObjectAlignmentInBytes=64"));
        assertEquals("12 false false", probe("-XX:+UseParallelGC"));
    }

    /** lineStart, and whether floats(1000) and floats(2^22) align, as a fresh JVM with these options reports them. */
    private static String probe(String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** Run by {@link #probe} in a JVM of its own. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(HeapLayout.lineStart() + " " + HeapLayout.aligns(HeapLayout.floats(1000).length) + " "
                    + HeapLayout.aligns(HeapLayout.floats(1 << 22).length));
        }
    }
}
