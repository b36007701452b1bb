package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelTest {

    private static float[] random(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /**
     * Deep X·Wᵀ (k at least 32 vector lanes) runs as dot products below a number of rows and from packed panels of
     * Wᵀ (or of Xᵀ, with fewer rows than columns) above it; dot products round differently. Every band of a split
     * product is given the whole product's rows, so 1–4 threads give the same bits on both sides of the threshold
     * (32 rows, 64 with 512-bit vectors), with beta, alpha, a column remainder, and the fused bias and relu.
     */
    @Test
    void deepXWtGivesTheSameBitsForEveryThreadCountOnBothSidesOfItsRowThreshold() {
        int threads = Parallel.threads();
        long minWork = Parallel.minWork();
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            SplittableRandom r = new SplittableRandom(4);
            int k = 600;
            // n = 40: a column remainder. 64×160 and 128×200: fewer rows than full columns, where the whole
            // product packs Xᵀ instead of Wᵀ (and bands that are not a multiple of the panel width pack Wᵀ).
            for (int[] shape : new int[][] {{21, 40}, {31, 40}, {33, 40}, {63, 40}, {65, 40}, {130, 40}, {64, 160},
                {128, 200}}) {
                int m = shape[0], n = shape[1];
                float[] a = random(r, m * k), w = random(r, n * k), bias = random(r, n), c0 = random(r, m * n);
                float[] gemm1 = null, linear1 = null;
                for (int t = 1; t <= 4; t++) {
                    Parallel.configure(t, pool, 0);
                    float[] c = c0.clone(), y = new float[m * n];
                    Gemm.gemm(false, true, m, n, k, -0.75f, a, 0, k, w, 0, k, 0.5f, c, 0, n);
                    FusedLinear.linear(m, n, k, a, 0, k, w, 0, k, bias, 0, Activation.RELU, y, 0, n);
                    if (t == 1) {
                        gemm1 = c;
                        linear1 = y;
                    } else {
                        assertArrayEquals(gemm1, c, "gemm, m=" + m + ", " + t + " threads against 1");
                        assertArrayEquals(linear1, y, "linear, m=" + m + ", " + t + " threads against 1");
                    }
                }
            }
        } finally {
            Parallel.configure(threads, null, minWork);
            pool.shutdown();
        }
    }

    /**
     * On one thread, a product of more than 1024 rows packs B's panels in its first pass of 512 rows and keeps them
     * for the others; split, it runs in chunks of 512 rows, one pass each, and each chunk packs its own (the pool's
     * one thread is blocked, so the caller takes all four). A·B, A·Bᵀ (panels transposed from Bᵀ) and Aᵀ·B give the
     * same bits either way, and so do two products in a row on two B of the same shape at the same place. On AVX-512
     * the split A·B shares one packing among its threads instead (see the next test); its chunks are then covered by
     * the narrower vector sizes' runs of this test.
     */
    @Test
    void panelsKeptAcrossPassesGiveTheBitsOfChunksThatPackTheirOwn() {
        int threads = Parallel.threads();
        long minWork = Parallel.minWork();
        ForkJoinPool pool = new ForkJoinPool(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            occupy(pool, release);
            SplittableRandom r = new SplittableRandom(12);
            int m = 1600, n = 160, k = 1000;
            float[] a = random(r, m * k), b = random(r, k * n), other = random(r, k * n);
            for (boolean[] layout : new boolean[][] {{false, false}, {false, true}, {true, false}}) {
                String name = "transA=" + layout[0] + " transB=" + layout[1];
                Parallel.configure(1, pool, 0);
                float[] one = product(layout, m, n, k, a, b);
                float[] oneOther = product(layout, m, n, k, a, other);
                Parallel.configure(2, pool, 0);
                assertArrayEquals(one, product(layout, m, n, k, a, b), name + ", in chunks against one thread");
                assertArrayEquals(oneOther, product(layout, m, n, k, a, other), name + ", another B, in chunks");
            }
        } finally {
            release.countDown();
            Parallel.configure(threads, null, minWork);
            pool.shutdown();
        }
    }

    /**
     * A large A·B split among threads shares one copy of A and one packing of B (any vector size): units of (group of
     * columns, band of 64 rows) by passes of 512 rows, with a last pass and a last band of fewer rows (1100 = 2 × 512
     * + 76), three groups of panels (k = 2000), a group that ends in a panel of one tile's width (n = 160, k = 1000),
     * alpha and beta, and the fused bias and relu. Two threads give the bits of one, with the pool's thread free and
     * with it blocked (the caller takes every unit), and so do four.
     */
    @Test
    void sharedPackingGivesTheBitsOfOneThread() {
        int threads = Parallel.threads();
        long minWork = Parallel.minWork();
        ForkJoinPool pool = new ForkJoinPool(3);
        ForkJoinPool blocked = new ForkJoinPool(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            occupy(blocked, release);
            SplittableRandom r = new SplittableRandom(13);
            for (int[] shape : new int[][] {{1100, 192, 2000}, {600, 160, 1000}, {1024, 256, 700}}) {
                int m = shape[0], n = shape[1], k = shape[2];
                float[] a = random(r, m * k), b = random(r, k * n), bias = random(r, n), c0 = random(r, m * n);
                float[] gemm1 = null, fused1 = null;
                int[] counts = {1, 2, 2, 4};
                ForkJoinPool[] pools = {pool, pool, blocked, pool};
                for (int i = 0; i < counts.length; i++) {
                    Parallel.configure(counts[i], pools[i], 0);
                    float[] c = c0.clone(), y = new float[m * n];
                    Gemm.gemm(false, false, m, n, k, -0.75f, a, 0, k, b, 0, n, 0.5f, c, 0, n);
                    FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, y, 0, n);
                    String name = m + "×" + k + "×" + n + ", " + counts[i] + " threads"
                            + (pools[i] == blocked ? ", the pool blocked" : "");
                    if (i == 0) {
                        gemm1 = c;
                        fused1 = y;
                    } else {
                        assertArrayEquals(gemm1, c, "gemm " + name);
                        assertArrayEquals(fused1, y, "relu(X·B + b) " + name);
                    }
                }
            }
        } finally {
            release.countDown();
            Parallel.configure(threads, null, minWork);
            pool.shutdown();
            blocked.shutdown();
        }
    }

    /** Keeps the pool's only thread busy until {@code release} opens: the caller then takes every chunk or unit. */
    private static void occupy(ForkJoinPool pool, java.util.concurrent.CountDownLatch release) {
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static float[] product(boolean[] layout, int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        boolean transA = layout[0], transB = layout[1];
        Gemm.gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
        return c;
    }

    @Test
    void chunksAreMultiplesOfFourRowsAtLeastOnePerThreadAndNoSmallerThanPackingNeeds() {
        // Small products: one chunk per thread, as the fixed bands were.
        assertEquals(36, Parallel.chunkRows(70, 90, 600, 2));
        assertEquals(4, Parallel.chunkRows(9, 8, 8, 4));
        // B of at most 128 Ki floats (read in place by 64-row chunks): up to eight chunks per thread.
        assertEquals(64, Parallel.chunkRows(1000, 128, 784, 2));
        assertEquals(628, Parallel.chunkRows(10000, 128, 784, 2));
        // A larger B is packed by every chunk: 512 rows at least.
        assertEquals(512, Parallel.chunkRows(1024, 1024, 1024, 2));
        assertEquals(512, Parallel.chunkRows(2048, 2048, 2048, 2));
        assertEquals(256, Parallel.chunkRows(512, 512, 512, 2));
        for (int m = 1; m < 3000; m += 37) {
            for (int t = 1; t <= 4; t++) {
                int rows = Parallel.chunkRows(m, 300, 500, t);
                assertEquals(0, rows % 4, "m=" + m + ", threads=" + t);
                assertTrue((m + rows - 1) / rows >= Math.min(t, (m + 3) / 4) || rows >= m,
                        "m=" + m + ", threads=" + t + ": " + rows + " rows per chunk");
            }
        }
    }

    /**
     * A split product of more chunks than threads (1000 rows in chunks of 64), claimed by whichever thread is
     * free: the same bits as on one thread, also when the pool's only thread is busy elsewhere for the whole
     * call, so that the caller claims every chunk and must not wait for the task it submitted, and when the pool
     * was shut down and rejects the tasks.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void chunksClaimedByWhicheverThreadIsFreeGiveTheSameBitsEvenWhenThePoolIsBusy() throws Exception {
        int threads = Parallel.threads();
        long minWork = Parallel.minWork();
        ForkJoinPool pool = new ForkJoinPool(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            SplittableRandom r = new SplittableRandom(11);
            int m = 1000, n = 72, k = 300;
            float[] a = random(r, m * k), b = random(r, k * n), w = random(r, n * k), bias = random(r, n);
            float[][] one = new float[2][];
            for (int t = 1; t <= 4; t++) {
                Parallel.configure(t, pool, 0);
                float[] xb = new float[m * n], xwt = new float[m * n];
                FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, xb, 0, n);
                FusedLinear.linear(m, n, k, a, 0, k, w, 0, k, bias, 0, Activation.RELU, xwt, 0, n);
                if (t == 1) {
                    one[0] = xb;
                    one[1] = xwt;
                } else {
                    assertArrayEquals(one[0], xb, "X·B, " + t + " threads against 1");
                    assertArrayEquals(one[1], xwt, "X·Wᵀ, " + t + " threads against 1");
                }
            }
            // The pool's one thread is blocked until after the call: the caller does every chunk itself.
            occupy(pool, release);
            Parallel.configure(2, pool, 0);
            float[] xb = new float[m * n];
            FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, xb, 0, n);
            assertArrayEquals(one[0], xb, "X·B with the pool busy");
            // A pool that was shut down rejects the tasks: the caller still computes every chunk.
            ForkJoinPool closed = new ForkJoinPool(2);
            closed.shutdown();
            Parallel.configure(4, closed, 0);
            float[] rejected = new float[m * n];
            FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, rejected, 0, n);
            assertArrayEquals(one[0], rejected, "X·B with a pool that was shut down");
        } finally {
            release.countDown();
            Parallel.configure(threads, null, minWork);
            pool.shutdown();
        }
    }
}
