package dev.tensorlane.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.internal.KernelsProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The narrow tiles (one vector or two halves, chosen per CPU vendor; rows of op(A) along p or strided) must give the
 * same bits: every lane is the same FMA chain over p. The half-vector tile runs only on AVX-512 from JDK 25 on (on
 * JDK 17 a second vector size in one JVM stops C2 from compiling the Vector API in other kernels), so only there is
 * it compared.
 */
class NarrowTilesTest {

    @Test
    void halfVectorAndFullVectorNarrowTilesGiveTheSameBits() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        assumeTrue(VectorConstants.HALF.length() < VectorConstants.LANES && Runtime.version().feature() >= 25,
                "half-vector tiles run on AVX-512 from JDK 25 on");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(11);
        for (int k : new int[] {1, 7, 64, 130}) {
            int lda = k + 3;
            float[] a = new float[8 * lda + 5];
            float[] wt = new float[k * lanes];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < wt.length; i++) {
                wt[i] = (float) random.nextGaussian();
            }
            float[] full = new float[8 * lanes], halves = new float[8 * lanes];
            VectorGemm.narrow8x1(k, a, 2, lda, wt, full);
            VectorGemm.narrow8x2h(k, a, 2, lda, 1, wt, halves);
            for (int i = 0; i < full.length; i++) {
                assertEquals(Float.floatToRawIntBits(full[i]), Float.floatToRawIntBits(halves[i]),
                        "k=" + k + ", element " + i);
            }
        }
    }

    /**
     * The fused half-vector tile (bias and relu on the registers, rows stored straight into C, n floats apart) gives
     * the bits of the half-vector tile followed by the scratch tile's epilogue, and writes nothing before C nor past
     * its last row's whole vector (the reach its caller keeps inside C).
     */
    @Test
    void fusedHalfVectorTileGivesTheBitsOfTheTileThenItsEpilogue() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        assumeTrue(VectorConstants.HALF.length() < VectorConstants.LANES && Runtime.version().feature() >= 25,
                "half-vector tiles run on AVX-512 from JDK 25 on");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(14);
        for (int n : new int[] {1, 10, lanes}) {
            for (boolean relu : new boolean[] {false, true}) {
                for (int k : new int[] {1, 7, 64, 130}) {
                    int lda = k + 3;
                    float[] a = new float[8 * lda + 5], wt = new float[k * lanes], bias = new float[lanes];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (float) random.nextGaussian();
                    }
                    for (int i = 0; i < wt.length; i++) {
                        wt[i] = (float) random.nextGaussian();
                    }
                    for (int j = 0; j < n; j++) {
                        bias[j] = (float) random.nextGaussian();
                    }
                    float[] tile = new float[8 * lanes];
                    VectorGemm.narrow8x2h(k, a, 2, lda, 1, wt, tile);
                    // C: eight rows of n floats at offset 4, then a ninth row and a vector's worth of slack.
                    float[] c = new float[4 + 9 * n + lanes];
                    java.util.Arrays.fill(c, -7f);
                    VectorGemm.narrow8x2hBias(k, a, 2, lda, wt, c, 4, n, bias, relu);
                    for (int r = 0; r < 8; r++) {
                        for (int j = 0; j < n; j++) {
                            float want = bias[j] + tile[r * lanes + j];
                            want = relu ? Math.max(want, 0f) : want;
                            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(c[4 + r * n + j]),
                                    "n=" + n + ", relu=" + relu + ", k=" + k + ", row " + r + ", column " + j);
                        }
                    }
                    assertEquals(-7f, c[3], "n=" + n + ": before C");
                    for (int i = 4 + 7 * n + lanes; i < c.length; i++) {
                        assertEquals(-7f, c[i], "n=" + n + ": past the last row's vector, element " + i);
                    }
                }
            }
        }
    }

    /**
     * The narrow tile over rows of op(A) along p (X·B, X·Wᵀ) and over op(A) = Aᵀ, whose rows are lda apart along
     * p: the same FMA chains, so the same bits, on every species.
     */
    @Test
    void contiguousAndStridedRowsOfANarrowTileGiveTheSameBits() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(12);
        for (int k : new int[] {1, 7, 64, 130}) {
            int lda = k + 3, ldt = 8 + 5;
            float[] a = new float[8 * lda + 5], at = new float[k * ldt + 4];
            float[] wt = new float[k * lanes];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < 8; i++) {
                for (int p = 0; p < k; p++) {
                    at[3 + p * ldt + i] = a[2 + i * lda + p];
                }
            }
            for (int i = 0; i < wt.length; i++) {
                wt[i] = (float) random.nextGaussian();
            }
            float[] rows = new float[8 * lanes], columns = new float[8 * lanes];
            VectorGemm.narrow8x1(k, a, 2, lda, wt, rows);
            VectorGemm.narrow8x1t(k, at, 3, ldt, wt, columns);
            for (int i = 0; i < rows.length; i++) {
                assertEquals(Float.floatToRawIntBits(rows[i]), Float.floatToRawIntBits(columns[i]),
                        "k=" + k + ", element " + i);
            }
            double[] exact = new double[lanes];
            for (int r = 0; r < 8; r++) {
                java.util.Arrays.fill(exact, 0);
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < lanes; j++) {
                        exact[j] += (double) a[2 + r * lda + p] * wt[p * lanes + j];
                    }
                }
                for (int j = 0; j < lanes; j++) {
                    assertEquals(exact[j], rows[r * lanes + j], 1e-4 * k, "k=" + k + ", row " + r + ", lane " + j);
                }
            }
        }
    }

    @Test
    void fourRowNarrowTileGivesTheBitsOfTheEightRowTile() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(13);
        for (int k : new int[] {1, 7, 64, 130}) {
            int lda = k + 3;
            float[] a = new float[8 * lda + 5], wt = new float[k * lanes];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < wt.length; i++) {
                wt[i] = (float) random.nextGaussian();
            }
            float[] eight = new float[8 * lanes], four = new float[8 * lanes];
            VectorGemm.narrow8x1(k, a, 2, lda, wt, eight);
            VectorGemm.narrow4x1(k, a, 2 + 4 * lda, lda, wt, four);
            for (int i = 0; i < 4 * lanes; i++) {
                assertEquals(Float.floatToRawIntBits(eight[4 * lanes + i]), Float.floatToRawIntBits(four[i]),
                        "k=" + k + ", element " + i);
            }
        }
    }

    /**
     * The packed Bᵀ of the narrow tiles, by 4 × 4 blocks (Zen), with the rows they leave gathered (Intel) or by 16 × 16
     * blocks on the registers (Zen from JDK 25 on): each way, column j of the copy is row j of B, for every count of
     * rows up to two vectors and depths around a block.
     */
    @Test
    void narrowTransposeEveryWayCopiesEveryRowOfB() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(12);
        for (int way = 0; way < 3; way++) {
            boolean gather = way == 1, registers = way == 2;
            for (int rows = 1; rows < 2 * lanes; rows++) {
                for (int cols : new int[] {1, 3, 4, 9, 15, 16, 17, 20, 33, 64}) {
                    int ldb = cols + 2, ldt = rows <= lanes ? lanes : 2 * lanes;
                    float[] b = new float[3 + rows * ldb];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = (float) random.nextGaussian();
                    }
                    float[] t = new float[1 + cols * ldt];
                    VectorGemm.transposeNarrow(b, 3, ldb, rows, cols, t, 1, ldt, gather, registers);
                    for (int p = 0; p < cols; p++) {
                        for (int j = 0; j < rows; j++) {
                            assertEquals(b[3 + j * ldb + p], t[1 + p * ldt + j],
                                    "way=" + way + ", rows=" + rows + ", cols=" + cols + ", p=" + p + ", j=" + j);
                        }
                    }
                }
            }
        }
    }

    /**
     * The transpose that packs Bᵀ for A·Bᵀ: by 16 × 16 blocks on the registers (8 × 8 with 256-bit vectors), by
     * gathers and by 4 × 4 blocks, whichever its shape takes, column j of the copy is row j of B; the rows and columns
     * around 8, 16 and 32 reach every mix of them.
     */
    @Test
    void transposeCopiesEveryRowOfBIntoAColumn() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        SplittableRandom random = new SplittableRandom(13);
        for (int rows : new int[] {1, 4, 15, 16, 17, 31, 32, 33, 50}) {
            for (int cols : new int[] {1, 15, 16, 17, 32, 47, 64}) {
                int ldb = cols + 3, ldt = rows + 5;
                float[] b = new float[2 + rows * ldb];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) random.nextGaussian();
                }
                float[] t = new float[4 + cols * ldt];
                VectorGemm.transpose(b, 2, ldb, rows, cols, t, 4, ldt);
                for (int p = 0; p < cols; p++) {
                    for (int j = 0; j < rows; j++) {
                        assertEquals(b[2 + j * ldb + p], t[4 + p * ldt + j],
                                "rows=" + rows + ", cols=" + cols + ", p=" + p + ", j=" + j);
                    }
                }
            }
        }
    }
}
