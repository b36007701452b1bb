package dev.tensorlane.internal.scalar;

import dev.tensorlane.Activation;

/**
 * Reference-order GEMM with bias and activation epilogue. Non-transposed B runs row by row (i, p, j), which C2
 * auto-vectorizes; transposed B runs as dot products of contiguous rows.
 */
public final class ScalarGemm {
    private ScalarGemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc,
                            float[] bias, int biasOff, Activation act) {
        // op(A)(i, p) = a[aOff + i·rowA + p·colA]
        int rowA = transA ? 1 : lda;
        int colA = transA ? lda : 1;
        boolean multiply = k > 0 && alpha != 0f;
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            scaleRow(c, ci, n, beta);
            if (!multiply) {
                // BLAS: alpha == 0 or k == 0 reads neither A nor B
            } else if (!transB) {
                for (int p = 0; p < k; p++) {
                    float aip = alpha * a[aOff + i * rowA + p * colA];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            } else {
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * ldb;
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s += a[aOff + i * rowA + p * colA] * b[bj + p];
                    }
                    c[ci + j] += alpha * s;
                }
            }
            epilogue(c, ci, n, bias, biasOff, act);
        }
    }

    static void scaleRow(float[] c, int off, int n, float beta) {
        if (beta == 0f) {
            java.util.Arrays.fill(c, off, off + n, 0f);
        } else if (beta != 1f) {
            for (int j = 0; j < n; j++) {
                c[off + j] *= beta;
            }
        }
    }

    static void epilogue(float[] c, int off, int n, float[] bias, int biasOff, Activation act) {
        if (bias != null) {
            for (int j = 0; j < n; j++) {
                c[off + j] += bias[biasOff + j];
            }
        }
        switch (act) {
            case RELU -> ScalarActivations.relu(c, off, c, off, n);
            case SIGMOID -> ScalarActivations.sigmoid(c, off, c, off, n);
            case IDENTITY -> { }
        }
    }
}
