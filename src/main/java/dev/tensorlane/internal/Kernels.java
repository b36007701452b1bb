package dev.tensorlane.internal;

import dev.tensorlane.Activation;

/**
 * The seam between the public API and the backends. Arguments have been validated by the public facade:
 * implementations may assume every index they touch is inside its array and that outputs do not overlap
 * inputs except where the facade allows it (exact in-place use).
 *
 * <p>All matrices are row-major; {@code ld*} is the distance between the starts of two rows.
 */
public interface Kernels {

    /** Backend name, {@code "vector"} or {@code "scalar"}. */
    String name();

    /** Bits per vector of the active species; 0 for the scalar backend. */
    int vectorBitSize();

    /**
     * {@code C = act(alpha·op(A)·op(B) + beta·C + bias)}, with {@code bias} broadcast over rows (may be null).
     * {@code beta == 0} means C is not read (NaN already in C is ignored, as in BLAS).
     *
     * <p>{@code productRows} is the number of rows of the whole product this call computes a band of ({@code m}
     * itself when the product is not split). A backend may choose between paths that round differently from
     * n, k and productRows, never from m, so that every band of a split product rounds as the whole would.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc,
              float[] bias, int biasOff, Activation act, int productRows);

    /**
     * A product split among threads in units of work that share what they pack: first {@link #packUnits()} units
     * that copy or pack the operands into buffers of the call, then {@link #computeUnits()} units, each of which may
     * run only after every pack unit has finished, that compute disjoint parts of C. Each element of C is computed as
     * {@link #gemm} would compute it. Its buffers belong to the thread that created it, until the last unit ends.
     */
    interface SharedProduct {
        int packUnits();

        void pack(int unit);

        int computeUnits();

        void compute(int unit);
    }

    /**
     * The arguments of {@link #gemm} for a product split among {@code threads} threads: a {@link SharedProduct} for
     * it, or null where the backend has none (the product then runs in bands of rows, each a call of gemm).
     */
    default SharedProduct share(int threads, boolean transA, boolean transB, int m, int n, int k,
                                float alpha, float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb,
                                float beta, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, Activation act) {
        return null;
    }

    void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

    void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy);

    void exp(float[] x, int xOff, float[] y, int yOff, int length);

    void sigmoid(float[] x, int xOff, float[] y, int yOff, int length);

    void relu(float[] x, int xOff, float[] y, int yOff, int length);

    /** {@code dx = y <= 0 ? 0 : dy}, y being relu's output. */
    void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length);

    /** {@code dx = (dy·y)·(1 − y)}, y being sigmoid's output. */
    void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length);
}
