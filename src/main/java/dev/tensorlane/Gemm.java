package dev.tensorlane;

import dev.tensorlane.internal.Checks;
import dev.tensorlane.internal.KernelsProvider;
import dev.tensorlane.internal.Parallel;

/**
 * General matrix multiply, {@code C = alpha·op(A)·op(B) + beta·C}, over row-major {@code float[]} with offsets
 * and leading dimensions, and a column-major adapter with netlib BLAS's {@code sgemm} argument order.
 *
 * <p><b>Shapes.</b> op(A) is m×k, op(B) is k×n, C is m×n; any of m, n, k may be 0. Row-major A is stored m×k
 * ({@code lda >= k}) or, when {@code transA}, k×m ({@code lda >= m}); likewise B is k×n ({@code ldb >= n}) or,
 * when {@code transB}, n×k ({@code ldb >= k}); {@code ldc >= n}.
 *
 * <p><b>BLAS semantics.</b> {@code beta == 0} means C is only written (NaN or garbage already in C is ignored);
 * {@code alpha == 0} or {@code k == 0} means A and B are not read.
 *
 * <p><b>Aliasing.</b> C must not share memory with A or B (checked: an {@link IllegalArgumentException}).
 *
 * <p><b>Error bound.</b> Each element satisfies
 * {@code |C − C_exact| <= k·2⁻²³·|alpha|·(|op(A)|·|op(B)|)_ij}, plus one rounding of {@code beta·C}.
 *
 * <p><b>Threads.</b> Products of at least 2^24 multiply-adds are split into chunks of rows of C, claimed by up
 * to {@link Tensorlane#parallelism()} threads as each becomes free (see {@link Tensorlane#setParallelism}).
 * Results are bit-identical for every thread count: each element of C is reduced in the same order whatever the
 * split.
 *
 * <p><b>Memory.</b> Each thread that computes a product keeps its packing buffers for the next one, so a call
 * allocates nothing once they have grown to its sizes. Under G1 (the JVM's default collector), the buffer that
 * holds B's packed panels is made larger than half a heap region where that costs at most 4 MiB or at most doubles
 * it, since G1 starts such an array on a cache line, and the panels' loads then never straddle two lines (with
 * {@code -XX:ObjectAlignmentInBytes=64} every buffer starts on one, at any size).
 *
 * <p><b>Errors.</b> Null arrays give {@link NullPointerException}; negative sizes or too-small leading
 * dimensions {@link IllegalArgumentException}; an operand that does not fit its array
 * {@link IndexOutOfBoundsException}. All checks run before C is touched. Thread-safe: no shared mutable state.
 */
public final class Gemm {
    private Gemm() {}

    /** Row-major {@code C = alpha·op(A)·op(B) + beta·C}. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        checkGemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        Parallel.gemm(KernelsProvider.get(), transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta,
                c, cOff, ldc, null, 0, Activation.IDENTITY);
    }

    /** Row-major {@code C = A·B} for dense arrays: A is m×k, B is k×n, C is m×n, all offsets 0. */
    public static void matmul(int m, int n, int k, float[] a, float[] b, float[] c) {
        gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
    }

    /**
     * Column-major {@code C = alpha·op(A)·op(B) + beta·C} with the arguments of netlib's
     * {@code BLAS.sgemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)}: {@code trans} is
     * "N"/"n" or "T"/"t" ("C"/"c" means T for real data), A is m×k (or k×m when transposed) with
     * {@code lda >= max(1, rows of A)}, and so on, all as in the reference BLAS.
     */
    public static void sgemm(String transa, String transb, int m, int n, int k, float alpha,
                             float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        sgemm(transa, transb, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    /** {@link #sgemm(String, String, int, int, int, float, float[], int, float[], int, float, float[], int)} with offsets. */
    public static void sgemm(String transa, String transb, int m, int n, int k, float alpha,
                             float[] a, int offa, int lda, float[] b, int offb, int ldb,
                             float beta, float[] c, int offc, int ldc) {
        boolean ta = transpose(transa, "transa");
        boolean tb = transpose(transb, "transb");
        Checks.nonNegative("m", m);
        Checks.nonNegative("n", n);
        Checks.nonNegative("k", k);
        int rowsA = ta ? k : m;
        int rowsB = tb ? n : k;
        if (lda < Math.max(1, rowsA)) {
            throw new IllegalArgumentException("lda=" + lda + " < max(1, " + (ta ? "k" : "m") + "=" + rowsA
                    + ") for column-major A (transa=" + transa + ")");
        }
        if (ldb < Math.max(1, rowsB)) {
            throw new IllegalArgumentException("ldb=" + ldb + " < max(1, " + (tb ? "n" : "k") + "=" + rowsB
                    + ") for column-major B (transb=" + transb + ")");
        }
        if (ldc < Math.max(1, m)) {
            throw new IllegalArgumentException("ldc=" + ldc + " < max(1, m=" + m + ") for column-major C");
        }
        // Column-major X is row-major Xᵀ: C = op(A)·op(B) is, read row-major, Cᵀ = op(B)ᵀ·op(A)ᵀ.
        gemm(tb, ta, n, m, k, alpha, b, offb, ldb, a, offa, lda, beta, c, offc, ldc);
    }

    private static boolean transpose(String trans, String name) {
        if (trans != null && trans.length() == 1) {
            switch (trans.charAt(0)) {
                case 'N', 'n': return false;
                case 'T', 't', 'C', 'c': return true;
                default: break;
            }
        }
        throw new IllegalArgumentException(name + "=" + (trans == null ? "null" : "\"" + trans + "\"")
                + " is not one of N, T, C");
    }

    static void checkGemm(boolean transA, boolean transB, int m, int n, int k,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float[] c, int cOff, int ldc) {
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        if (m >= 0 && n >= 0 && k >= 0
                && Checks.fits(a, aOff, lda, aRows, aCols) && Checks.fits(b, bOff, ldb, bRows, bCols)
                && Checks.fits(c, cOff, ldc, m, n)) {
            // Valid shapes, checked without building a message (calls in a training step must not allocate).
            Checks.noOverlap(c, "c", cOff, ldc, m, n, a, "a", aOff, lda, aRows, aCols);
            Checks.noOverlap(c, "c", cOff, ldc, m, n, b, "b", bOff, ldb, bRows, bCols);
            return;
        }
        Checks.nonNegative("m", m);
        Checks.nonNegative("n", n);
        Checks.nonNegative("k", k);
        String shape = "(m=" + m + ", n=" + n + ", k=" + k + ", transA=" + transA + ", transB=" + transB + ")";
        Checks.matrix(a, "a", aOff, "lda", lda, aRows, aCols, transA ? "m" : "k", "A " + shape);
        Checks.matrix(b, "b", bOff, "ldb", ldb, bRows, bCols, transB ? "k" : "n", "B " + shape);
        Checks.matrix(c, "c", cOff, "ldc", ldc, m, n, "n", "C " + shape);
        Checks.noOverlap(c, "c", cOff, ldc, m, n, a, "a", aOff, lda, aRows, aCols);
        Checks.noOverlap(c, "c", cOff, ldc, m, n, b, "b", bOff, ldb, bRows, bCols);
    }
}
