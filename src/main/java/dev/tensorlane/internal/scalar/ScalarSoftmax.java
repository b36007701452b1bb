package dev.tensorlane.internal.scalar;

/** Row-wise softmax and log-softmax, max-shifted, with the row sum kept in double. */
public final class ScalarSoftmax {
    private ScalarSoftmax() {}

    public static void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * ldx;
            int yr = yOff + r * ldy;
            float max = rowMax(x, xr, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = ScalarExp.exp(x[xr + j] - max);
                y[yr + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                y[yr + j] = (float) (y[yr + j] * inv);
            }
        }
    }

    public static void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * ldx;
            int yr = yOff + r * ldy;
            float max = rowMax(x, xr, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += ScalarExp.exp(x[xr + j] - max);
            }
            // (x − max) − log(sum), in this order: adding max and log(sum) first loses the small differences.
            float logSum = (float) Math.log(sum);
            for (int j = 0; j < cols; j++) {
                y[yr + j] = (x[xr + j] - max) - logSum;
            }
        }
    }

    /** Math.max propagates NaN, so a row holding NaN gives NaN throughout. */
    static float rowMax(float[] x, int off, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[off + j]);
        }
        return max;
    }
}
