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
