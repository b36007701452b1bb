package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Gemm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;

/** Multi-threaded GEMM: bit-identical results for 1, 2, 3 and 4 threads, on any shape and transpose. */
class ParallelGemmProperties {

    private static final ForkJoinPool POOL = new ForkJoinPool(4);
    private static final int THREADS = Parallel.threads();
    private static final long MIN_WORK = Parallel.minWork();

    @AfterContainer
    static void restore() {
        Parallel.configure(THREADS, null, MIN_WORK);
        POOL.shutdown();
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Property(tries = 60)
    void gemmIsBitIdenticalForEveryThreadCount(@ForAll @IntRange(min = 1, max = 70) int m,
                                               @ForAll @IntRange(min = 1, max = 90) int n,
                                               @ForAll @IntRange(min = 0, max = 600) int k,
                                               @ForAll boolean transA, @ForAll boolean transB,
                                               @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = random(r, m * k + 1), b = random(r, k * n + 1), c0 = random(r, m * n);
        List<float[]> results = new ArrayList<>();
        for (int threads = 1; threads <= 4; threads++) {
            Parallel.configure(threads, POOL, 0);
            float[] c = c0.clone();
            Gemm.gemm(transA, transB, m, n, k, 0.75f, a, 0, transA ? m : Math.max(1, k), b, 0,
                    transB ? Math.max(1, k) : n, 0.5f, c, 0, n);
            results.add(c);
        }
        for (int t = 1; t < results.size(); t++) {
            assertArrayEquals(results.get(0), results.get(t), (t + 1) + " threads differ from 1");
        }
    }

    @Property(tries = 40)
    void fusedLinearIsBitIdenticalForEveryThreadCount(@ForAll @IntRange(min = 1, max = 70) int m,
                                                      @ForAll @IntRange(min = 1, max = 140) int n,
                                                      @ForAll @IntRange(min = 1, max = 800) int k,
                                                      @ForAll Activation act, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = random(r, m * k), w = random(r, n * k), bias = random(r, n);
        List<float[]> results = new ArrayList<>();
        for (int threads = 1; threads <= 4; threads++) {
            Parallel.configure(threads, POOL, 0);
            float[] y = new float[m * n];
            FusedLinear.linear(m, n, k, x, 0, k, w, 0, k, bias, 0, act, y, 0, n);
            results.add(y);
        }
        for (int t = 1; t < results.size(); t++) {
            assertArrayEquals(results.get(0), results.get(t), (t + 1) + " threads differ from 1");
        }
    }
}
