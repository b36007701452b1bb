package dev.tensorlane;

import dev.tensorlane.internal.KernelsProvider;
import dev.tensorlane.internal.Parallel;

/**
 * Which backend runs the kernels. The choice is made once, at first use of any kernel: the Vector API when
 * {@code jdk.incubator.vector} is enabled ({@code --add-modules jdk.incubator.vector}) and C2 compiles it,
 * otherwise plain Java. {@code -Dtensorlane.backend=vector|scalar} forces one ({@code vector} fails with an
 * {@link IllegalStateException} when SIMD is unusable); {@code -Dtensorlane.vectorBits=128|256|512} narrows the
 * species, to test the paths of smaller machines. The choice is logged once at INFO on the
 * {@code dev.tensorlane} System.Logger.
 */
public final class Tensorlane {
    private Tensorlane() {}

    /** {@code "vector"} or {@code "scalar"}. */
    public static String backend() {
        return KernelsProvider.get().name();
    }

    /** Bits per SIMD register used by the kernels, 0 for the scalar backend. */
    public static int vectorBitSize() {
        return KernelsProvider.get().vectorBitSize();
    }

    /**
     * Sets how many threads a large matrix product may use: the calling thread plus {@code threads − 1} tasks on
     * the common ForkJoinPool. 1 keeps everything on the caller. Results do not depend on it (bit-identical).
     * The default is the number of available processors.
     */
    public static void setParallelism(int threads) {
        Parallel.configure(threads, null, Parallel.minWork());
    }

    /**
     * As {@link #setParallelism(int)}, with the helper tasks on the given pool instead of the common pool. A product
     * never waits for a task the pool has not started: the caller computes whatever no helper has claimed, so a busy
     * pool, or one that was shut down, only leaves more of the work to the caller.
     */
    public static void setParallelism(int threads, java.util.concurrent.ForkJoinPool pool) {
        java.util.Objects.requireNonNull(pool, "pool must not be null");
        Parallel.configure(threads, pool, Parallel.minWork());
    }

    /** Threads a large matrix product may use. */
    public static int parallelism() {
        return Parallel.threads();
    }

    /** A one-line description, e.g. {@code "vector (512-bit, 16 floats per vector)"}. */
    public static String describe() {
        int bits = vectorBitSize();
        return bits == 0 ? "scalar" : backend() + " (" + bits + "-bit, " + bits / Float.SIZE + " floats per vector)";
    }
}
