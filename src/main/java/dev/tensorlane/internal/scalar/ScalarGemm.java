package dev.tensorlane.internal.scalar;

import dev.tensorlane.Activation;

/**
 * Plain-Java GEMM with bias and activation epilogue: C = act(alpha·Σ_p a·b + beta·C + bias), the sum taken apart
 * from C as in the vector backend. Non-transposed B runs row by row (i, p, j), which C2 auto-vectorizes;
 * transposed B runs as dot products of contiguous rows.
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
                // Σ_p a·b goes to a row of its own, then joins beta·C once: summing straight into C would round
                // every partial sum at the magnitude of C, outside the error bound when |beta·C| ≫ |alpha·A·B|.
                float[] row = rowBuffer(n);
                java.util.Arrays.fill(row, 0, n, 0f);
                for (int p = 0; p < k; p++) {
                    float aip = a[aOff + i * rowA + p * colA];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        row[j] += aip * b[bp + j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    c[ci + j] += alpha * row[j];
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

    private static final ThreadLocal<float[][]> ROW = ThreadLocal.withInitial(() -> new float[1][0]);

    /** A per-thread row of at least n floats, grown once to the widest C the thread has seen. */
    private static float[] rowBuffer(int n) {
        float[][] holder = ROW.get();
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
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
