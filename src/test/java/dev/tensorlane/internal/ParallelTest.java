package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Gemm;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

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
}
