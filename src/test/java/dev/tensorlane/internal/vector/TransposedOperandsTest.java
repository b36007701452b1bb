package dev.tensorlane.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.KernelsProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Aᵀ·B reads op(A) in place or copies it, or goes to the cache-blocked path past the copy's depth (from depth 256
 * with 16 vector registers); Aᵀ·Bᵀ packs Bᵀ into the panels that A·B uses, or goes to the cache-blocked path too. Every route computes each element as the one FMA chain over p that A·B
 * computes, so storing an operand transposed must not change a bit of C. The shapes cover rows left to the four-row
 * and one-row tiles, columns left to the narrow tiles of one vector and of two, A's rows a multiple of 1 KiB apart (copied) or not (in place),
 * several groups of panels, and the deepest copy (2032) and depths past it (2033, 2040).
 */
class TransposedOperandsTest {

    private static final int[][] SHAPES = {
        {64, 100, 45}, {17, 300, 64}, {100, 784, 128}, {13, 64, 10}, {300, 64, 33}, {9, 257, 96}, {40, 2040, 40},
        {200, 700, 300}, {72, 130, 52}, {24, 64, 20}, {24, 2032, 40}, {24, 2033, 40},
    };

    @Test
    void transposedAGivesTheBitsOfTheExplicitTranspose() {
        assertSameBitsForEveryShape(false, 1);
    }

    @Test
    void transposedAAndBGiveTheBitsOfTheExplicitTransposes() {
        assertSameBitsForEveryShape(true, 100);
    }

    private static void assertSameBitsForEveryShape(boolean transB, long seed) {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        for (int[] s : SHAPES) {
            for (int pad : new int[] {0, 256}) {
                assertSameBits(true, transB, s[0], s[1], s[2], pad, seed++);
            }
        }
    }

    /**
     * op(A)·op(B) with op(A) stored as its transpose (leading dimension rounded up to a multiple of {@code pad}
     * when pad > 0) and op(B) as stored, against A·B on the explicit transposes: with bias and relu (beta = 0), and
     * with alpha and beta.
     */
    private static void assertSameBits(boolean transA, boolean transB, int m, int k, int n, int pad, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = gaussian(random, m * k), b = gaussian(random, k * n), bias = gaussian(random, n);
        float[] c0 = gaussian(random, m * n);
        int lda = transA ? roundUp(m, pad) : k, ldb = transB ? roundUp(k, pad) : n;
        float[] at = new float[transA ? k * lda : m * k], bt = new float[transB ? n * ldb : k * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                at[transA ? p * lda + i : i * k + p] = a[i * k + p];
            }
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                bt[transB ? j * ldb + p : p * n + j] = b[p * n + j];
            }
        }
        for (int fused = 0; fused < 2; fused++) {
            float alpha = fused == 1 ? 1f : 0.75f, beta = fused == 1 ? 0f : 1.5f;
            float[] bs = fused == 1 ? bias : null;
            Activation act = fused == 1 ? Activation.RELU : Activation.IDENTITY;
            float[] expected = c0.clone(), got = c0.clone();
            VectorGemm.gemm(false, false, m, n, k, alpha, a, 0, k, b, 0, n, beta, expected, 0, n, bs, 0, act, m);
            VectorGemm.gemm(transA, transB, m, n, k, alpha, at, 0, lda, bt, 0, ldb, beta, got, 0, n, bs, 0, act, m);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(got[i]), String.format(
                        "tA=%b tB=%b m=%d k=%d n=%d lda=%d ldb=%d %s: element %d", transA, transB, m, k, n, lda, ldb,
                        fused == 1 ? "bias+relu" : "alpha, beta", i));
            }
        }
    }

    private static int roundUp(int x, int pad) {
        return pad == 0 ? x : (x + pad - 1) / pad * pad;
    }

    private static float[] gaussian(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
