package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

    static float[] random(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    /** Runs one gemm with padded leading dimensions and offsets, and checks it against the double reference. */
    static void check(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                      int pad, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = Math.max(1, aCols) + pad, ldb = Math.max(1, bCols) + pad, ldc = Math.max(1, n) + pad;
        int aOff = pad, bOff = 2 * pad, cOff = 3 * pad;
        float[] a = random(random, aOff + aRows * lda + 1);
        float[] b = random(random, bOff + bRows * ldb + 1);
        float[] c = random(random, cOff + m * ldc + 1);
        if (beta == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + i * ldc + j] = Float.NaN; // beta == 0 must not read C
                }
            }
        }
        float[] c0 = c.clone();
        Gemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        Reference.GemmResult ref = Reference.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c0, cOff, ldc, null, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float got = c[cOff + i * ldc + j];
                double err = Math.abs(got - ref.value[i * n + j]);
                if (!(err <= ref.bound[i * n + j])) fail(String.format(
                        "m=%d n=%d k=%d tA=%b tB=%b alpha=%s beta=%s: C[%d,%d]=%s, exact %s, error %s > bound %s",
                        m, n, k, transA, transB, alpha, beta, i, j, got, ref.value[i * n + j], err, ref.bound[i * n + j]));
            }
        }
        for (int i = 0; i < c.length; i++) {
            int row = (i - cOff) / ldc, col = (i - cOff) % ldc;
            boolean inside = i >= cOff && row < m && col < n;
            if (!inside) {
                assertEquals(Float.floatToRawIntBits(c0[i]), Float.floatToRawIntBits(c[i]), "wrote outside C at " + i);
            }
        }
    }

    static Stream<Arguments> edgeShapes() {
        int[] sizes = {0, 1, 3, 4, 5, 7, 15, 16, 17, 31, 32, 33, 47, 64, 65};
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (int m : new int[] {0, 1, 2, 3, 4, 5, 9}) {
            for (int n : sizes) {
                for (int k : new int[] {0, 1, 2, 13, 17}) {
                    cases.add(Arguments.of(m, n, k, seed++));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2}")
    @MethodSource("edgeShapes")
    void edgeShapesInEveryTransposeCombination(int m, int n, int k, long seed) {
        for (int t = 0; t < 4; t++) {
            check((t & 1) != 0, (t & 2) != 0, m, n, k, 1f, 0f, t, seed);
        }
    }

    @Test
    void acrossTheKBlockAndPackingBoundaries() {
        int[][] shapes = {{5, 33, 255}, {6, 127, 256}, {7, 129, 257}, {4, 130, 513}, {9, 200, 300}, {64, 128, 784}};
        long seed = 100;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                check((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1f, 0f, 1, seed++);
            }
        }
    }

    /**
     * Products of one to three rows: on AVX-512 from JDK 25 on, deep X·Wᵀ (k from 512) runs dot products in half
     * vectors and X·B single-row tiles in half vectors; a single row over 4·NR full columns (128 on AVX-512) runs the
     * eight-vector row tile, and with narrower vectors so does every pass of 4·NR columns (64 on AVX2: one to four
     * passes here, and a remainder). Depths with and without a tail past the last half and whole vector, column counts
     * on both sides of eight, alpha and beta, padded strides.
     */
    @Test
    void oneToThreeRowsAgreeWithTheReferenceInEveryLayout() {
        long seed = 1400;
        for (int m = 1; m <= 3; m++) {
            for (int k : new int[] {512, 517, 524, 784}) {
                for (int n : new int[] {7, 8, 17, 128}) {
                    check(false, true, m, n, k, 1f, 0f, 1, seed++);
                    check(false, true, m, n, k, -0.75f, 0.5f, 2, seed++);
                }
            }
            for (int n : new int[] {64, 70, 128, 130, 256}) {
                check(false, false, m, n, 784, 1f, 0f, 1, seed++);
                check(false, false, m, n, 300, 1.5f, 0.5f, 3, seed++);
                check(true, false, m, n, 37, -1f, 0f, 2, seed++);
            }
        }
    }

    /**
     * Shapes on both sides of the cache-blocked path's boundaries at every vector width: MR (4 or 8 rows), NR
     * (2 vectors), KC (512), MC (256), NC (1024), and the thresholds for taking that path at all (16 rows,
     * depth 256, beta 0); alpha 1 and not, beta 0 (blocked) and not (unblocked), every transpose.
     */
    @Test
    void aroundTheCacheBlockBoundaries() {
        int[][] shapes = {{9, 33, 513}, {17, 1025, 257}, {257, 33, 511}, {8, 32, 1025}, {255, 63, 256},
            {16, 1024, 512}, {15, 40, 300}, {16, 31, 255}, {33, 65, 1024}, {256, 40, 257}, {7, 1023, 300}};
        long seed = 500;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                check((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], t < 2 ? 1f : -0.75f, 0f, t, seed++);
            }
            check(false, false, s[0], s[1], s[2], 1f, 0.5f, 2, seed++);
        }
    }

    /**
     * Deep X·Wᵀ runs as dot products below 32 rows (64 with 512-bit vectors) and from packed panels of Wᵀ above
     * (of Xᵀ with fewer rows than columns): all within the bound, with alpha, beta, padded leading dimensions and a
     * column remainder (n = 40 and 200).
     */
    @Test
    void deepXWtOnBothSidesOfItsRowThreshold() {
        long seed = 1300;
        for (int m : new int[] {31, 33, 63, 65, 130}) {
            check(false, true, m, 40, 600, -0.75f, 0.5f, 3, seed++);
            check(false, true, m, 40, 600, 1f, 0f, 1, seed++);
        }
        // Fewer rows than full columns: Xᵀ is packed instead, and the product transposed into C (on AVX-512 up to 128
        // full columns, so n = 130 there and n = 200 only with narrower vectors).
        for (int m : new int[] {32, 64, 128}) {
            for (int n : new int[] {130, 200}) {
                check(false, true, m, n, 600, -0.75f, 0.5f, 3, seed++);
                check(false, true, m, n, 600, 1.5f, 0f, 1, seed++);
            }
        }
    }

    /**
     * Deep relu(X·Wᵀ + b) with more full columns than rows: W's 256 rows at once (on AVX-512, Wᵀ packed into panels)
     * against its two halves of 128 rows (Xᵀ packed, Cᵀ transposed into C), bit for bit, X and W in padded rows.
     */
    @Test
    void deepXWtByPanelsOfWtOrByCtGivesTheSameBits() {
        SplittableRandom random = new SplittableRandom(1350);
        for (int m : new int[] {64, 96}) {
            for (int k : new int[] {600, 784}) {
                int n = 256, ldx = k + 3, ldw = k + 1;
                float[] x = random(random, m * ldx), w = random(random, n * ldw), bias = random(random, n);
                float[] whole = new float[m * n], halves = new float[m * n];
                FusedLinear.linear(m, n, k, x, 0, ldx, w, 0, ldw, bias, 0, Activation.RELU, whole, 0, n);
                for (int j = 0; j < n; j += n / 2) {
                    FusedLinear.linear(m, n / 2, k, x, 0, ldx, w, j * ldw, ldw, bias, j, Activation.RELU, halves, j, n);
                }
                for (int i = 0; i < m * n; i++) {
                    assertEquals(Float.floatToRawIntBits(halves[i]), Float.floatToRawIntBits(whole[i]),
                            m + "×" + k + "×" + n + ", element " + i);
                }
            }
        }
    }

    /**
     * Shallow X·Wᵀ narrower than a tile runs as dot products below max(8, k/8) rows and as broadcasts over a packed
     * Wᵀ from there: both sides at two depths, with alpha, beta and padded leading dimensions.
     */
    @Test
    void narrowXWtOnBothSidesOfItsRowThreshold() {
        long seed = 1400;
        for (int[] mk : new int[][] {{7, 64}, {8, 64}, {37, 300}, {38, 300}}) {
            for (int n : new int[] {10, 20}) {
                check(false, true, mk[0], n, mk[1], -0.75f, 0.5f, 3, seed++);
                check(false, true, mk[0], n, mk[1], 1f, 0f, 1, seed++);
            }
        }
    }

    /**
     * Narrow X·Wᵀ and Aᵀ·Bᵀ of every width whose last n mod 16 rows of W may be gathered rather than copied in 4 × 4
     * blocks (n mod 16 from 9 to 15 but 12, past 16 too), and widths around them, against the double reference with
     * offsets and padded leading dimensions.
     */
    @Test
    void narrowWidthsWhoseLastRowsOfWAreGathered() {
        long seed = 1500;
        for (int n : new int[] {8, 9, 10, 11, 12, 13, 14, 15, 20, 25, 28, 31}) {
            check(false, true, 64, n, 64, 1f, 0f, 3, seed++);
            check(false, true, 24, n, 100, -0.5f, 1.5f, 1, seed++);
            check(true, true, 40, n, 70, 0.75f, 0f, 2, seed++);
        }
    }

    /**
     * The cache-blocked path and the unblocked one do the same arithmetic per element, so a product computed
     * whole (40 rows: blocked) and row by row (1 row: unblocked) agrees bit for bit. Not X·Wᵀ as deep as the dot
     * products (k = 300 from 256-bit vectors down): it rounds by the product's rows (ParallelTest); shallower X·Wᵀ
     * with fewer than 8 rows runs as dot products too, so it goes eight rows at a time.
     */
    @Test
    void blockedAndRowByRowResultsAreBitIdentical() {
        SplittableRandom random = new SplittableRandom(77);
        int m = 40, n = 70, k = 300;
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
            int lda = transA ? m : k, ldb = transB ? k : n;
            float[] a = random(random, m * k), b = random(random, k * n), bias = random(random, n);
            float[] whole = new float[m * n], rows = new float[m * n];
            if (!transA && transB && Tensorlane.vectorBitSize() > 0 && k >= Tensorlane.vectorBitSize()) {
                continue;
            }
            Gemm.gemm(transA, transB, m, n, k, 1.25f, a, 0, lda, b, 0, ldb, 0f, whole, 0, n);
            int step = !transA && transB ? 8 : 1;
            for (int i = 0, rowsHere; i < m; i += rowsHere) {
                rowsHere = m - i < 2 * step ? m - i : step;   // the last band takes the rest: at least eight rows
                Gemm.gemm(transA, transB, rowsHere, n, k, 1.25f, a, transA ? i : i * lda, lda, b, 0, ldb,
                        0f, rows, i * n, n);
            }
            for (int i = 0; i < whole.length; i++) {
                assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(rows[i]),
                        "transA=" + transA + " transB=" + transB + " element " + i);
            }
            if (!transA && !transB) {
                FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.SIGMOID, whole, 0, n);
                for (int i = 0; i < m; i++) {
                    FusedLinear.matmulBias(1, n, k, a, i * k, k, b, 0, n, bias, 0, Activation.SIGMOID, rows, i * n, n);
                }
                assertArrayEquals(whole, rows, "matmulBias with sigmoid");
            }
        }
    }

    /**
     * Fewer columns than a register tile, or a remainder of columns past the last full tile (the network's last
     * layer, n = 10, and n = 70 = 2 tiles + 6): packed into zero-padded vector tiles of 8, 4 or 1 rows. Within the
     * bound, and bit for bit the same whole or row by row, with alpha, beta and every transpose (X·Wᵀ eight rows at a
     * time: with fewer, it runs as dot products, and so does a narrow X·Wᵀ below max(8, k/8) rows).
     */
    @Test
    void columnRemaindersAgreeWithTheReferenceAndRowByRow() {
        SplittableRandom random = new SplittableRandom(91);
        long seed = 900;
        for (int n : new int[] {1, 10, 20, 31, 70}) {
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
                check(transA, transB, 67, n, 64, 1.5f, 0.5f, 2, seed++);
                check(transA, transB, 67, n, 300, -1f, 0f, 1, seed++);
                int m = 37, k = 45;
                int lda = transA ? m : k, ldb = transB ? k : n;
                float[] a = random(random, m * k), b = random(random, k * n);
                float[] whole = random(random, m * n), rows = whole.clone();
                Gemm.gemm(transA, transB, m, n, k, 0.75f, a, 0, lda, b, 0, ldb, 0.5f, whole, 0, n);
                int step = !transA && transB ? 8 : 1;
                for (int i = 0, rowsHere; i < m; i += rowsHere) {
                    rowsHere = m - i < 2 * step ? m - i : step;   // the last band takes the rest: at least eight rows
                    Gemm.gemm(transA, transB, rowsHere, n, k, 0.75f, a, transA ? i : i * lda, lda, b, 0,
                            ldb, 0.5f, rows, i * n, n);
                }
                for (int i = 0; i < whole.length; i++) {
                    assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(rows[i]),
                            "n=" + n + " transA=" + transA + " transB=" + transB + " element " + i);
                }
            }
        }
    }

    /**
     * A·B packs B's panels a group of at most 128Ki floats at a time and runs A in bands of 64 rows: several bands,
     * several groups (k = 100: groups of 1280 columns) and a column remainder, against the reference and against
     * the same product one row at a time (no packing, no bands), bit for bit.
     */
    @Test
    void bandsAndPanelGroupsAgreeWithTheReferenceAndRowByRow() {
        check(false, false, 130, 2600 + 10, 100, 1f, 0f, 1, 950);
        check(false, false, 65, 1300, 100, 0.5f, 1.5f, 1, 951);
        assertWholeAndRowByRowAgreeBitForBit(130, 2600 + 10, 100, 952);
    }

    /**
     * On AVX-512 the eight-row tiles read rows of op(A) copied at a fixed stride where B is wide enough: B packed or
     * in place (also at k < PANEL_MIN_K, up to one pass of rows), A transposed or not, the rows past the last whole
     * tile in place, passes of 512 rows, and a k too deep for the stride (read in place). Against the reference, and the passes bit for bit against one row at a time.
     */
    @Test
    void copiedRowsOfAAgreeWithTheReferenceAndRowByRow() {
        check(false, false, 141, 300, 70, 1f, 0f, 1, 960);
        check(true, false, 141, 300, 70, 0.5f, 1.5f, 1, 961);
        check(false, true, 70, 300, 600, 1f, 0f, 1, 962);
        check(false, false, 100, 140, 70, 1f, 0f, 1, 963);
        check(true, false, 100, 140, 70, 0.5f, 1.5f, 1, 964);
        check(false, false, 40, 128, 2100, 1f, 0f, 0, 965);
        check(false, false, 300, 140, 40, 1f, 0f, 1, 968);   // k < PANEL_MIN_K: B in place, rows copied
        check(false, false, 600, 140, 40, 1f, 0f, 1, 969);   // the same past one pass of rows: read in place
        assertWholeAndRowByRowAgreeBitForBit(530, 150, 100, 966);
        check(false, false, 530, 150, 100, 1f, 0f, 1, 967);
    }

    /**
     * Two and three rows of A·B run as one tile over B (each row of B loaded once for all of them): against the
     * reference, with beta (raw sums in the scratch tile) and A transposed, and bit for bit against one row at a time.
     */
    @Test
    void twoAndThreeRowsAgreeWithTheReferenceAndRowByRow() {
        for (int m = 2; m <= 3; m++) {
            check(false, false, m, 200, 100, 1f, 0f, 1, 970 + m);
            check(false, false, m, 130, 70, 0.5f, 1.5f, 1, 972 + m);
            check(true, false, m, 150, 90, 1f, 0f, 1, 974 + m);
            check(true, false, m, 64, 33, -2f, 1f, 0, 976 + m);
            assertWholeAndRowByRowAgreeBitForBit(m, 200, 100, 978 + m);
            assertWholeAndRowByRowAgreeBitForBit(m, 64 + 10, 784, 980 + m);
        }
    }

    /**
     * A·Bᵀ deep enough for dot products with two or three rows (a batch of two or three, or a product's last rows
     * after groups of four): against the reference, with alpha and beta, and with n not a multiple of four.
     */
    @Test
    void twoAndThreeRowDotProductsAgreeWithTheReference() {
        check(false, true, 2, 37, 784, 1f, 0f, 1, 990);
        check(false, true, 3, 64, 600, 0.5f, 1.5f, 1, 991);
        check(false, true, 3, 9, 1100, 1f, 0f, 0, 992);
        check(false, true, 7, 40, 784, 1f, 0f, 1, 993);
        check(false, true, 6, 42, 784, -1f, 1f, 1, 994);
    }

    /**
     * The dot-product kernels take the last k mod L products in one more step over the last L floats of each row,
     * with the lanes already summed set to zero in both operands. An infinity in those lanes must stay where it was
     * summed: if only one operand were zeroed, 0·∞ would turn the sum into NaN. Positive operands, infinities in rows
     * of W (columns 0, 3, 5, 9 and 44 of C) and of X (rows 0 and m − 1), at depths with and without a remainder, for
     * every row and column kernel (n = 45 is at least NR, and fewer than 8 rows take the dot products).
     */
    @Test
    void anInfinityBeforeTheLastVectorOfKStaysInfiniteInDotProducts() {
        for (int k : new int[] {5, 20, 37, 64, 300, 784}) {
            for (int m : new int[] {1, 2, 3, 4, 7}) {
                int n = 45;
                SplittableRandom random = new SplittableRandom(k * 31L + m);
                float[] x = new float[m * k], w = new float[n * k], c = new float[m * n];
                for (int i = 0; i < x.length; i++) {
                    x[i] = 0.5f + (float) random.nextDouble();
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] = 0.5f + (float) random.nextDouble();
                }
                int p = Math.min(5, k - 1);
                for (int j : new int[] {0, 3, 5, 9, 44}) {
                    w[j * k + p] = Float.POSITIVE_INFINITY;
                }
                x[p] = Float.POSITIVE_INFINITY;
                x[(m - 1) * k + p] = Float.POSITIVE_INFINITY;
                Gemm.gemm(false, true, m, n, k, 1f, x, 0, k, w, 0, k, 0f, c, 0, n);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float v = c[i * n + j];
                        if (i == 0 || i == m - 1 || j == 0 || j == 3 || j == 5 || j == 9 || j == 44) {
                            assertEquals(Float.POSITIVE_INFINITY, v, "k=" + k + " m=" + m + " C[" + i + "][" + j + "]");
                        } else {
                            assertTrue(Float.isFinite(v) && v > 0,
                                    "k=" + k + " m=" + m + " C[" + i + "][" + j + "]=" + v);
                        }
                    }
                }
            }
        }
    }

    /**
     * From three passes of copied rows on (more than 1024 rows on AVX-512), B's panels are packed in the first pass
     * and kept for the others, each group of panels at its own place (k = 2000: groups of 64 columns). Bit for bit
     * against bands of 512 rows, each of which packs B for itself, and against the reference: A·B, Aᵀ·B with beta,
     * and A·Bᵀ, whose panels are transposed from Bᵀ (k = 1500: groups of 64 columns, the last one NR wide). On one
     * thread: split among threads, a product runs in chunks of 512 rows, one pass each.
     */
    @Test
    void panelsKeptFromTheFirstPassGiveTheBitsOfPanelsPackedPerPass() {
        int threads = Tensorlane.parallelism();
        Tensorlane.setParallelism(1);
        try {
            assertBandsGiveTheSameBits(new SplittableRandom(990), 1100, 200, 2000, 2000, 512);
            check(false, false, 1100, 170, 1500, 1f, 0f, 1, 991);
            check(true, false, 1030, 200, 700, 0.5f, 1.5f, 1, 992);
            check(false, true, 1100, 160, 1500, 1f, 0f, 1, 993);
        } finally {
            Tensorlane.setParallelism(threads);
        }
    }

    /**
     * A single sample through a layer of 64 columns or more: below 512-bit vectors one pass over each row of B
     * (tile1x16 on JDK 17; from JDK 25 tile1x16c, with three of its sums in C, where 8·NR are all the full columns:
     * 128 and 135 at 256 bits, 64 and 70 at 128), elsewhere passes of 4·NR columns, and the rest of the columns after
     * them. Within the bound, and bit for bit the row of a whole batch (packed panels, four-row tiles).
     */
    @Test
    void aSingleSampleGivesTheBitsOfItsRowInTheBatch() {
        long seed = 990;
        for (int n : new int[] {64, 70, 128, 135, 144, 200, 256, 384}) {
            check(false, false, 1, n, 784, 1f, 0f, 1, seed++);
            check(false, false, 1, n, 300, 0.75f, 0f, 3, seed++);
            check(false, false, 1, n, 300, 0.5f, 1.5f, 2, seed++);
            assertWholeAndRowByRowAgreeBitForBit(64, n, 784, seed++);
            assertWholeAndRowByRowAgreeBitForBit(16, n, 300, seed++);
        }
    }

    /** relu(X·B + b) over all m rows at once against the same product one row at a time, bit for bit. */
    private static void assertWholeAndRowByRowAgreeBitForBit(int m, int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = random(random, m * k), b = random(random, k * n), bias = random(random, n);
        float[] whole = new float[m * n], rows = new float[m * n];
        FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, whole, 0, n);
        for (int i = 0; i < m; i++) {
            FusedLinear.matmulBias(1, n, k, a, i * k, k, b, 0, n, bias, 0, Activation.RELU, rows, i * n, n);
        }
        for (int i = 0; i < whole.length; i++) {
            assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(rows[i]), "element " + i);
        }
    }

    /** Up to 128 rows B is read in place, beyond it packed: the same FMA chain per element either way. */
    @Test
    void bReadInPlaceOrPackedGivesTheSameBits() {
        SplittableRandom random = new SplittableRandom(953);
        int m = 256, n = 64 + 10;
        for (int k : new int[] {128, 129}) {   // packed: two steps of p a pass (even k), one (odd k)
            float[] a = random(random, m * k), b = random(random, k * n), bias = random(random, n);
            float[] whole = new float[m * n], halves = new float[m * n];
            FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, whole, 0, n);
            for (int i0 = 0; i0 < m; i0 += m / 2) {
                FusedLinear.matmulBias(m / 2, n, k, a, i0 * k, k, b, 0, n, bias, 0, Activation.RELU, halves, i0 * n,
                        n);
            }
            for (int i = 0; i < whole.length; i++) {
                assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(halves[i]),
                        "k=" + k + ", element " + i);
            }
        }
        check(false, false, 100, 72, 96, 1f, 0f, 1, 954);
        check(true, false, 100, 72, 96, 0.5f, 1.5f, 1, 955);
    }

    /**
     * Over copied rows of A (AVX-512, B read in place), four vectors of columns run six- and five-row tiles (53 rows:
     * 8 × 6 + 5; 128: 18 × 6 + 4 × 5); a band of eight rows runs eight-row tiles. The same FMA chain per element
     * either way, through the fused epilogue and through beta·C (a scratch tile of four vectors a row).
     */
    @Test
    void sixFiveAndEightRowTilesGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(961);
        for (int m : new int[] {24, 53, 128}) {
            assertBandsGiveTheSameBits(random, m, 64 + 32 + 7, 100, 100, 8);
        }
        check(false, false, 53, 103, 100, 0.5f, 1.5f, 3, 962);
        check(false, false, 72, 128, 300, 1f, 0f, 1, 963);
    }

    /**
     * A single panel of four vectors of B, at most 128 deep, runs four-row tiles over op(A) in place on AVX-512 (on
     * JDK 17 only where B's rows are 64 floats apart, and on JDK 25 six-row tiles first there): every split of m
     * into six-, four- and one- to three-row tiles, the narrow columns past 64, k of 1 to 128, and one past it
     * (copied rows). Bit for bit against one row at a time, through the fused epilogue and through beta·C with
     * padded rows; and against the reference with offsets and strides.
     */
    @Test
    void fourAndSixRowTilesOverAInPlaceGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(1001);
        for (int m : new int[] {4, 5, 6, 7, 8, 10, 13, 14, 64}) {
            for (int n : new int[] {64, 64 + 10, 64 + 31}) {
                for (int k : new int[] {1, 37, 128, 129}) {
                    assertBandsGiveTheSameBits(random, m, n, k, k + 3, 1);
                }
            }
            for (int k : new int[] {37, 128}) {
                assertBandsGiveTheSameBits(random, m, 64, k, 128, 1);   // six rows at a constant stride on JDK 17
            }
        }
        check(false, false, 66, 64, 128, 1f, 0f, 1, 1002);
        check(false, false, 23, 75, 50, 0.5f, 1.5f, 3, 1003);
        check(false, true, 64, 64, 64, 1f, 0f, 2, 1004);   // shallow X·Wᵀ: Wᵀ transposed into one panel
        check(false, true, 15, 80, 100, -1f, 0.5f, 1, 1005);
    }

    /**
     * X 64 floats wide through a narrow layer and 128 wide through a 64-wide one, the tutorial's widths, whose tiles
     * have X's stride as a constant: the bits of the same X in rows 3 floats further apart, which the general tiles
     * compute, and within the error bound of the double reference; for X·B and X·Wᵀ, with relu or bias only.
     */
    @Test
    void xAtTheTutorialsWidthsGivesTheBitsOfAnyOtherStride() {
        SplittableRandom random = new SplittableRandom(1700);
        for (boolean transB : new boolean[] {false, true}) {
            for (Activation act : new Activation[] {Activation.RELU, Activation.IDENTITY}) {
                for (int m : new int[] {8, 13, 16, 64, 72}) {
                    for (int n : new int[] {3, 6, 10, 16}) {
                        for (int k : new int[] {1, 40, 64}) {
                            assertStrideGivesTheSameBits(random, transB, act, m, n, k, 64);
                        }
                    }
                }
                for (int m : new int[] {6, 12, 13, 16, 64}) {
                    for (int k : new int[] {37, 128}) {
                        // 64 columns: B is 4·NR wide with 256-bit vectors, 32 with 128-bit ones (tile4x2at128).
                        assertStrideGivesTheSameBits(random, transB, act, m, 64, k, 128);
                        assertStrideGivesTheSameBits(random, transB, act, m, 32, k, 128);
                    }
                }
            }
        }
    }

    /** act(X·op(W) + b) with X's rows lda apart and with them lda + 3 apart; rows of the output n apart. */
    private static void assertStrideGivesTheSameBits(SplittableRandom random, boolean transB, Activation act, int m,
                                                     int n, int k, int lda) {
        float[] x = random(random, m * lda), w = random(random, k * n), bias = random(random, n);
        float[] padded = new float[m * (lda + 3)];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x, i * lda, padded, i * (lda + 3), k);
        }
        float[] y = new float[m * n], general = new float[m * n];
        if (transB) {
            FusedLinear.linear(m, n, k, x, 0, lda, w, 0, k, bias, 0, act, y, 0, n);
            FusedLinear.linear(m, n, k, padded, 0, lda + 3, w, 0, k, bias, 0, act, general, 0, n);
        } else {
            FusedLinear.matmulBias(m, n, k, x, 0, lda, w, 0, n, bias, 0, act, y, 0, n);
            FusedLinear.matmulBias(m, n, k, padded, 0, lda + 3, w, 0, n, bias, 0, act, general, 0, n);
        }
        String shape = (transB ? "X·Wᵀ" : "X·B") + " " + act + " m=" + m + " n=" + n + " k=" + k + " lda=" + lda;
        Reference.GemmResult ref = Reference.gemm(false, transB, m, n, k, 1f, x, 0, lda, w, 0, transB ? k : n, 0f,
                null, 0, 0, bias, 0);
        for (int i = 0; i < m * n; i++) {
            assertEquals(Float.floatToRawIntBits(general[i]), Float.floatToRawIntBits(y[i]), shape + ", element " + i);
            double exact = act == Activation.RELU ? Math.max(ref.value[i], 0) : ref.value[i];
            assertTrue(Math.abs(y[i] - exact) <= ref.bound[i], shape + ", element " + i + ": " + y[i] + ", exact "
                    + exact);
        }
    }

    /**
     * relu(X·B + b), and alpha·X·B + beta·C into padded rows of C, over all m rows at once against the same products
     * {@code band} rows at a time, bit for bit; X's rows {@code lda} apart.
     */
    private static void assertBandsGiveTheSameBits(SplittableRandom random, int m, int n, int k, int lda, int band) {
        int ldc = n + 5;
        float[] a = random(random, m * lda), b = random(random, k * n), bias = random(random, n);
        float[] c = random(random, m * ldc);
        float[] whole = new float[m * n], bands = new float[m * n];
        float[] wholeC = c.clone(), bandsC = c.clone();
        FusedLinear.matmulBias(m, n, k, a, 0, lda, b, 0, n, bias, 0, Activation.RELU, whole, 0, n);
        Gemm.gemm(false, false, m, n, k, 0.5f, a, 0, lda, b, 0, n, 1.5f, wholeC, 0, ldc);
        for (int i0 = 0; i0 < m; i0 += band) {
            int rows = Math.min(band, m - i0);
            FusedLinear.matmulBias(rows, n, k, a, i0 * lda, lda, b, 0, n, bias, 0, Activation.RELU, bands, i0 * n,
                    n);
            Gemm.gemm(false, false, rows, n, k, 0.5f, a, i0 * lda, lda, b, 0, n, 1.5f, bandsC, i0 * ldc, ldc);
        }
        String shape = "m=" + m + " n=" + n + " k=" + k + " bands of " + band;
        for (int i = 0; i < whole.length; i++) {
            assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(bands[i]),
                    "relu(X·B + b), " + shape + ", element " + i);
        }
        for (int i = 0; i < wholeC.length; i++) {
            assertEquals(Float.floatToRawIntBits(wholeC[i]), Float.floatToRawIntBits(bandsC[i]),
                    "alpha, beta, " + shape + ", element " + i);
        }
    }

    /**
     * The remainder columns are packed a whole vector at a time, so the lanes past n hold whatever follows in B.
     * With NaN and infinity there (B's row padding), C must still be finite and within the bound: no lane mixes
     * into another, and none past n reaches C.
     */
    @Test
    void whatFollowsBsColumnsInMemoryNeverReachesC() {
        SplittableRandom random = new SplittableRandom(960);
        for (int n : new int[] {3, 10, 20, 40}) {
            for (int m : new int[] {1, 9, 64}) {
                int k = 70, ldb = n + 23;
                float[] a = random(random, m * k), b = new float[k * ldb];
                for (int i = 0; i < b.length; i++) {
                    b[i] = i % ldb < n ? (float) random.nextGaussian() : (i % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY);
                }
                float[] c = new float[m * n];
                Gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, ldb, 0f, c, 0, n);
                Reference.GemmResult ref = Reference.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, ldb, 0f,
                        new float[m * n], 0, n, null, 0);
                for (int i = 0; i < c.length; i++) {
                    assertTrue(Math.abs(c[i] - ref.value[i]) <= ref.bound[i],
                            "m=" + m + " n=" + n + " element " + i + ": " + c[i] + " vs " + ref.value[i]);
                }
            }
        }
    }

    /**
     * A narrow X·Wᵀ leaves its transposed W in a per-thread buffer, and the next narrow call writes only its own n
     * lanes of it: what an earlier, wider call left in the lanes past n (here NaN and infinities) must never reach
     * C, whatever the row tiles and the epilogue.
     */
    @Test
    void columnsLeftByAnEarlierNarrowProductNeverReachC() {
        SplittableRandom random = new SplittableRandom(965);
        for (int[] widths : new int[][] {{15, 10}, {15, 1}, {31, 17}, {31, 20}}) {
            for (int m : new int[] {1, 8, 13, 64}) {
                int k = 50, wide = widths[0], n = widths[1];
                float[] a = random(random, m * k), poisoned = new float[wide * k];
                for (int i = 0; i < poisoned.length; i++) {
                    poisoned[i] = i / k < n ? 1f : (i % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY);
                }
                FusedLinear.linear(m, wide, k, a, 0, k, poisoned, 0, k, null, 0, Activation.IDENTITY,
                        new float[m * wide], 0, wide);
                float[] b = random(random, n * k), bias = random(random, n), c = new float[m * n];
                FusedLinear.linear(m, n, k, a, 0, k, b, 0, k, bias, 0, Activation.RELU, c, 0, n);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double sum = bias[j], magnitude = Math.abs(bias[j]);
                        for (int p = 0; p < k; p++) {
                            sum += (double) a[i * k + p] * b[j * k + p];
                            magnitude += Math.abs((double) a[i * k + p] * b[j * k + p]);
                        }
                        assertEquals(Math.max(sum, 0), c[i * n + j], (k + 2) * 0x1p-23 * magnitude,
                                "after n=" + wide + ": m=" + m + " n=" + n + " (" + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    /**
     * Narrow products store whole vectors into contiguous rows of C, spilling into the next rows, which are stored
     * after: nothing may land before C's first or after its last element, and every element must end right.
     */
    @Test
    void narrowProductsWriteNothingOutsideC() {
        SplittableRandom random = new SplittableRandom(970);
        for (boolean transB : new boolean[] {false, true}) {
            for (int n : new int[] {3, 10, 15}) {
                for (int m : new int[] {1, 8, 9, 16, 64}) {
                    int k = 40, cOff = 5, tail = 40;
                    float[] a = random(random, m * k), b = random(random, k * n), bias = random(random, n);
                    float[] c = new float[cOff + m * n + tail];
                    java.util.Arrays.fill(c, -7f);
                    if (transB) {
                        FusedLinear.linear(m, n, k, a, 0, k, b, 0, k, bias, 0, Activation.RELU, c, cOff, n);
                    } else {
                        FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, c, cOff, n);
                    }
                    for (int i = 0; i < cOff; i++) {
                        assertEquals(-7f, c[i], "before C, m=" + m + " n=" + n);
                    }
                    for (int i = cOff + m * n; i < c.length; i++) {
                        assertEquals(-7f, c[i], "after C, m=" + m + " n=" + n);
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = bias[j];
                            double magnitude = Math.abs(bias[j]);
                            for (int p = 0; p < k; p++) {
                                double bpj = transB ? b[j * k + p] : b[p * n + j];
                                sum += (double) a[i * k + p] * bpj;
                                magnitude += Math.abs((double) a[i * k + p] * bpj);
                            }
                            double expected = Math.max(sum, 0);
                            assertEquals(expected, c[cOff + i * n + j], (k + 2) * 0x1p-23 * magnitude,
                                    "transB=" + transB + " m=" + m + " n=" + n + " (" + i + ", " + j + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * A narrow product with a bias (and relu) into contiguous rows of C finishes its eight-row tiles on the registers
     * and stores them straight into C, all but a last tile whose whole vectors would reach past C: the whole product
     * against the same product eight rows at a time (every tile then the last), bit for bit, X·B and X·Wᵀ.
     */
    @Test
    void narrowTilesFinishedOnTheRegistersGiveTheBitsOfTheScratchTile() {
        SplittableRandom random = new SplittableRandom(1600);
        for (Activation act : new Activation[] {Activation.RELU, Activation.IDENTITY}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (int n : new int[] {3, 10, 15}) {
                    int m = 72, k = 64;   // from k = 65 on, eight rows of X·Wᵀ are dot products (narrowMinRows)
                    float[] a = random(random, m * k), b = random(random, k * n), bias = random(random, n);
                    float[] whole = new float[m * n], bands = new float[m * n];
                    narrowWithBias(transB, m, n, k, a, 0, b, bias, act, whole);
                    for (int i0 = 0; i0 < m; i0 += 8) {
                        narrowWithBias(transB, 8, n, k, a, i0, b, bias, act, bands);
                    }
                    for (int i = 0; i < whole.length; i++) {
                        assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(bands[i]),
                                act + " transB=" + transB + " n=" + n + ", element " + i);
                    }
                }
            }
        }
    }

    /** act(X·B + b), or act(X·Wᵀ + b) with W = b, for rows from row0 on, into the same rows of c (rows n apart). */
    private static void narrowWithBias(boolean transB, int rows, int n, int k, float[] a, int row0, float[] b,
                                       float[] bias, Activation act, float[] c) {
        if (transB) {
            FusedLinear.linear(rows, n, k, a, row0 * k, k, b, 0, k, bias, 0, act, c, row0 * n, n);
        } else {
            FusedLinear.matmulBias(rows, n, k, a, row0 * k, k, b, 0, n, bias, 0, act, c, row0 * n, n);
        }
    }

    /** B's panels are packed from 16 rows and depth 64 on: both sides of that line, every transpose. */
    @Test
    void aroundThePanelPackingThreshold() {
        long seed = 300;
        for (int m : new int[] {15, 16, 17, 33}) {
            for (int k : new int[] {63, 64, 65}) {
                for (int t = 0; t < 4; t++) {
                    check((t & 1) != 0, (t & 2) != 0, m, 70, k, 1.5f, 0.5f, 3, seed++);
                }
            }
        }
    }

    @Test
    void alphaAndBetaSpecialCases() {
        float[] values = {0f, 1f, -1f, 0.5f, 2.5f};
        long seed = 500;
        for (float alpha : values) {
            for (float beta : values) {
                for (int t = 0; t < 4; t++) {
                    check((t & 1) != 0, (t & 2) != 0, 11, 37, 19, alpha, beta, 2, seed++);
                }
            }
        }
    }

    /** |beta·C| ≫ |alpha·A·B|: the sum over k must join beta·C once, not be rounded into C step by step. */
    @Test
    void deepSumsJoinALargeBetaTimesCOnce() {
        long seed = 700;
        for (int t = 0; t < 4; t++) {
            check((t & 1) != 0, (t & 2) != 0, 5, 3, 13, 0.01f, 1.05f, 0, seed++);
            check((t & 1) != 0, (t & 2) != 0, 7, 40, 1500, 1e-6f, 1000f, 1, seed++);
            check((t & 1) != 0, (t & 2) != 0, 9, 70, 700, 1e-5f, 100f, 2, seed++);
        }
    }

    /**
     * k = 0 (or alpha = 0) reads neither A nor B, so A may be as short as BLAS allows: one float, lda = 1, for m rows
     * of nothing. The eight-row tiles once copied A's "rows" anyway and ran off its end (found by
     * ParallelGemmProperties at m = 8, n = 64, k = 0).
     */
    @Test
    void kZeroReadsNeitherAnorBWhateverTheShape() {
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
            for (int[] mn : new int[][] {{8, 64}, {69, 90}, {600, 200}, {3, 10}}) {
                int m = mn[0], n = mn[1];
                float[] c = new float[m * n];
                java.util.Arrays.fill(c, 2f);
                for (float alpha : new float[] {0.75f, 0f}) {
                    int k = alpha == 0f ? 3 : 0;
                    float[] a = new float[alpha == 0f ? (transA ? k * m : m * k) : 1];
                    float[] b = new float[alpha == 0f ? k * n : 1];
                    java.util.Arrays.fill(a, Float.NaN);
                    java.util.Arrays.fill(b, Float.NaN);
                    Gemm.gemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : Math.max(1, k), b, 0,
                            transB ? Math.max(1, k) : n, 0.5f, c, 0, n);
                }
                for (int i = 0; i < c.length; i++) {
                    assertEquals(0.5f, c[i], "m=" + m + " n=" + n + " transA=" + transA + " transB=" + transB);
                }
            }
        }
    }

    @Test
    void alphaZeroDoesNotReadAOrB() {
        float[] a = {Float.NaN, Float.NaN};
        float[] b = {Float.NaN, Float.NaN};
        float[] c = {3f};
        Gemm.gemm(false, false, 1, 1, 2, 0f, a, 0, 2, b, 0, 1, 2f, c, 0, 1);
        assertEquals(6f, c[0]);
    }

    @Test
    void matmulOfASmallExample() {
        float[] a = {1, 2, 3, 4, 5, 6};          // 2x3
        float[] b = {7, 8, 9, 10, 11, 12};       // 3x2
        float[] c = new float[4];
        Gemm.matmul(2, 2, 3, a, b, c);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
    }

    @Test
    void columnMajorSgemmMatchesNetlibConventions() {
        // Column-major A (2x3) = [[1,2,3],[4,5,6]] is stored {1,4,2,5,3,6}; B (3x2) = [[7,8],[9,10],[11,12]].
        float[] a = {1, 4, 2, 5, 3, 6};
        float[] b = {7, 9, 11, 8, 10, 12};
        float[] c = new float[4];
        Gemm.sgemm("N", "N", 2, 2, 3, 1f, a, 2, b, 3, 0f, c, 2);
        assertArrayEquals(new float[] {58, 139, 64, 154}, c); // column-major [[58,64],[139,154]]
        // Aᵀ stored as a 3x2 column-major matrix, passed with "T".
        float[] at = {1, 2, 3, 4, 5, 6};
        float[] bt = {7, 8, 9, 10, 11, 12};  // Bᵀ (2x3) column-major
        float[] c2 = {1, 1, 1, 1};
        Gemm.sgemm("t", "T", 2, 2, 3, 1f, at, 3, bt, 2, 1f, c2, 2);
        assertArrayEquals(new float[] {59, 140, 65, 155}, c2);
        // Row-major C = A·B through the column-major call, as the issue documents it.
        float[] ar = {1, 2, 3, 4, 5, 6}, br = {7, 8, 9, 10, 11, 12};
        float[] cr = new float[4];
        Gemm.sgemm("N", "N", 2, 2, 3, 1f, br, 2, ar, 3, 0f, cr, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, cr);
    }

    @Test
    void columnMajorSgemmChecksArgumentsLikeBlas() {
        float[] x = new float[16];
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm("N", "N", 3, 2, 2, 1f, x, 2, x.clone(), 2, 0f, new float[16], 3));
        assertTrue(e.getMessage().contains("lda=2 < max(1, m=3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm("X", "N", 1, 1, 1, 1f, x, 1, x.clone(), 1, 0f, new float[1], 1));
        assertTrue(e.getMessage().contains("transa=\"X\""), e.getMessage());
    }

    @Test
    void manyThreadsAtOnceOnSeparateOutputs() throws Exception {
        int threads = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 900 + t;
                futures.add(pool.submit(() -> {
                    for (int rep = 0; rep < 5; rep++) {
                        check(rep % 2 == 1, seed % 2 == 0, 33, 70, 300, 1f, 0f, 1, seed * 10 + rep);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
