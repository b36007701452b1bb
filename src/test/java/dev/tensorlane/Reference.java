package dev.tensorlane;

/**
 * Double-precision references and the error bounds of the accuracy contract, shared by the unit and the
 * property tests.
 */
public final class Reference {
    private Reference() {}

    public static final double EPS = 0x1p-23;

    /** |got − exact| in units of the float ulp at the exact value. */
    public static double ulps(float got, double exact) {
        if (Double.isNaN(exact)) {
            return Float.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (got == exact) {
            return 0;
        }
        return Math.abs(got - exact) / Math.ulp((float) exact);
    }

    public static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Exact-ish softmax of one row, in double: max-shifted, exps and sum in double. */
    public static double[] softmaxRow(float[] x, int off, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[off + j]);
        }
        double[] e = new double[cols];
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            e[j] = Math.exp(x[off + j] - max);
            sum += e[j];
        }
        for (int j = 0; j < cols; j++) {
            e[j] /= sum;
        }
        return e;
    }

    public static double[] logSoftmaxRow(float[] x, int off, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Math.exp(x[off + j] - max);
        }
        double logSum = Math.log(sum);
        double[] y = new double[cols];
        for (int j = 0; j < cols; j++) {
            y[j] = (x[off + j] - max) - logSum;
        }
        return y;
    }

    /** Softmax contract: relative error ≤ (4 + |x_i − max|)·2⁻²³ where the exact value is ≥ 2⁻¹²⁶. */
    public static double softmaxBound(float xi, float max) {
        return (4 + Math.abs((double) xi - max)) * EPS;
    }

    /** Log-softmax contract: absolute error ≤ (2 + |x_i − max| + ln(cols))·2⁻²³. */
    public static double logSoftmaxBound(float xi, float max, int cols) {
        return (2 + Math.abs((double) xi - max) + Math.log(cols)) * EPS;
    }

    /** The result and error bound of {@code alpha·op(A)·op(B) + beta·C0 + bias}, element by element (row-major m×n). */
    public static final class GemmResult {
        public final double[] value;
        public final double[] bound;

        GemmResult(double[] value, double[] bound) {
            this.value = value;
            this.bound = bound;
        }
    }

    /**
     * Reference GEMM in double. {@code c0} is C as it was before the call (read only when beta != 0).
     * Bound: {@code k·2⁻²³·|alpha|·(|op(A)|·|op(B)|)_ij} plus one rounding of beta·C, the bias and the result.
     */
    public static GemmResult gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                  float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                  float beta, float[] c0, int cOff, int ldc, float[] bias, int biasOff) {
        double[] value = new double[m * n];
        double[] bound = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double abs = 0;
                if (alpha != 0) {
                    for (int p = 0; p < k; p++) {
                        double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        sum += av * bv;
                        abs += Math.abs(av * bv);
                    }
                }
                double v = alpha * sum;
                double err = k * EPS * Math.abs(alpha) * abs;
                if (beta != 0) {
                    double cb = (double) beta * c0[cOff + i * ldc + j];
                    v += cb;
                    err += Math.abs(cb) * EPS;
                }
                if (bias != null) {
                    v += bias[biasOff + j];
                    err += Math.abs(bias[biasOff + j]) * EPS;
                }
                value[i * n + j] = v;
                bound[i * n + j] = err + Math.abs(v) * EPS + Float.MIN_NORMAL;
            }
        }
        return new GemmResult(value, bound);
    }
}
