package dev.tensorlane.jmh;

import dev.tensorlane.internal.Kernels;
import dev.tensorlane.internal.KernelsProvider;

import java.util.SplittableRandom;

/**
 * Benchmark helpers: the backend named by a {@code backend} parameter, and seeded inputs.
 *
 * <p>Every benchmark method is {@code @CompilerControl(DONT_INLINE)}: JMH force-inlines a benchmark into its
 * measurement loop, and with a Vector API kernel inlined below it the compiled graph can pass C2's
 * NodeCountInliningCutoff, after which the rest of the Vector API calls are not intrinsified and box their
 * vectors (seen: sigmoid over 10^5 floats fell from ~28k to ~2.5k ops/s after two iterations, allocating).
 * Not inlining the benchmark method keeps the kernel in a compilation unit of its own size, as in an
 * application that calls it from ordinary code; the call costs a few ns.
 */
final class Backends {
    private Backends() {}

    /**
     * The kernels of one backend, called directly (argument checks excluded: they cost a few ns per call and
     * are not what these benchmarks track). Each JMH fork runs one parameter set, so the call site stays
     * monomorphic.
     */
    static Kernels of(String backend) {
        return switch (backend) {
            case "vector" -> KernelsProvider.vector().orElseThrow(() -> new IllegalStateException(
                    "the vector backend is not available in this JVM (needs --add-modules jdk.incubator.vector)"));
            case "scalar" -> KernelsProvider.scalar();
            default -> throw new IllegalArgumentException("backend=" + backend);
        };
    }

    static float[] gaussian(long seed, int n, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }
}
