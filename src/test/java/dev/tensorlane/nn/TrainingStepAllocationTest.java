package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Once warm, a training step allocates nothing: every buffer is reused, and no vector is boxed. Boxing comes
 * and goes with C2's inlining decisions (a vector passed to a method C2 leaves out of line is allocated on the
 * heap), so it is checked on the running code, not by reading it: the network trains in a class loader of its
 * own, with fresh profiles for the library's methods whatever ran before in this JVM, until a window of 200 steps
 * allocates (next to) nothing. A step that keeps allocating fails it (at one point it was 768 bytes, from two
 * tiles' stores).
 */
class TrainingStepAllocationTest {

    /**
     * Run alone, both networks reach 0 bytes per step within seconds. A window's first steps may still run in
     * C1-compiled code, which has no escape analysis: there Checks.notNull's message lambda cost 16 bytes a call
     * (32 to 48 per step, and on the scalar backend, whose steps are slow to reach C2, for the whole 40 s; fixed).
     * A boxed vector alone is 96 bytes, and the regressions this guards against were 768 bytes to 192 KB per step.
     */
    private static final double MOST_BYTES_PER_STEP = 32;

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "sigmoid"})
    void aWarmTrainingStepAllocatesNothing(String model) throws Exception {
        URL library = Sequential.class.getProtectionDomain().getCodeSource().getLocation();
        URL tests = StepAllocationProbe.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {tests, library},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = fresh.loadClass(StepAllocationProbe.class.getName());
            assertNotSame(StepAllocationProbe.class, probe, "the probe must be loaded afresh");
            Method fewest = probe.getMethod("fewestBytesPerStep", String.class, int.class, int.class, double.class,
                    double.class);
            double bytes = (double) fewest.invoke(null, model, 64, 200, 40.0, MOST_BYTES_PER_STEP);
            assertTrue(bytes <= MOST_BYTES_PER_STEP, model + ": at least " + bytes
                    + " bytes allocated per step in every window of 200 steps");
        }
    }
}
