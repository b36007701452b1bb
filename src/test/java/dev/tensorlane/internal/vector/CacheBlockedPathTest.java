package dev.tensorlane.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.KernelsProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cache-blocked path (Aᵀ·B, and A·Bᵀ with 256 ≤ k < DOT_MIN_K) and the register tiles of VectorGemm must give
 * the same bits: which one runs depends on the band's rows (fewer than 16 never take the blocked path) and, for the
 * shallow A·Bᵀ, on the CPU's vendor, and a product split into bands must round as the whole does. Here the blocked
 * path on the whole product against VectorGemm on bands of eight rows, with k within one of the blocked path's
 * depth blocks and across three of them.
 */
class CacheBlockedPathTest {

    @Test
    void cacheBlockedPathAndRegisterTilesGiveTheSameBits() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        SplittableRandom random = new SplittableRandom(23);
        int[][] shapes = {{40, 70, 300}, {33, 64, 260}, {64, 100, 511}, {17, 32, 256}, {24, 48, 1100}};
        for (int[] shape : shapes) {
            for (boolean transA : new boolean[] {true, false}) {
                int m = shape[0], n = shape[1], k = shape[2];
                boolean transB = !transA;
                if (transB && k >= 32 * VectorConstants.LANES) {
                    continue;   // deep A·Bᵀ (k ≥ DOT_MIN_K) never takes the blocked path
                }
                int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 5, ldc = n + 2;
                float[] a = gaussian(random, (transA ? k : m) * lda);
                float[] b = gaussian(random, (transB ? n : k) * ldb);
                float[] bias = gaussian(random, n);
                for (Activation act : new Activation[] {Activation.IDENTITY, Activation.RELU}) {
                    float alpha = act == Activation.RELU ? 1f : 0.75f;
                    float[] blocked = new float[m * ldc], bands = new float[m * ldc];
                    VectorGemmBlocked.gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, blocked, 0, ldc,
                            bias, 0, act);
                    for (int i0 = 0; i0 < m; i0 += 8) {
                        int rows = Math.min(8, m - i0);
                        VectorGemm.gemm(transA, transB, rows, n, k, alpha, a, transA ? i0 : i0 * lda, lda, b, 0, ldb,
                                0f, bands, i0 * ldc, ldc, bias, 0, act, m);
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            assertEquals(Float.floatToRawIntBits(blocked[i * ldc + j]),
                                    Float.floatToRawIntBits(bands[i * ldc + j]),
                                    "transA=" + transA + " m=" + m + " n=" + n + " k=" + k + " " + act
                                            + ": C[" + i + "][" + j + "]");
                        }
                    }
                }
            }
        }
    }

    private static float[] gaussian(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
