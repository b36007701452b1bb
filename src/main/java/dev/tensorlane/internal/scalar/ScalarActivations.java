package dev.tensorlane.internal.scalar;

/** Scalar sigmoid and relu, and their backward passes. */
public final class ScalarActivations {
    private ScalarActivations() {}

    /**
     * σ(x) from e = exp(−|x|), which never overflows: σ = 1/(1+e) for x ≥ 0 and e/(1+e) for x < 0, so the
     * small results of very negative x keep their relative accuracy.
     */
    public static float sigmoid(float x) {
        float e = ScalarExp.exp(-Math.abs(x));
        return (x >= 0f ? 1f : e) / (1f + e);
    }

    public static float relu(float x) {
        return Math.max(x, 0f);
    }

    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int length) {
        for (int i = 0; i < length; i++) {
            y[yOff + i] = sigmoid(x[xOff + i]);
        }
    }

    public static void relu(float[] x, int xOff, float[] y, int yOff, int length) {
        for (int i = 0; i < length; i++) {
            y[yOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    public static void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        for (int i = 0; i < length; i++) {
            dx[dxOff + i] = y[yOff + i] <= 0f ? 0f : dy[dyOff + i];
        }
    }

    public static void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                       int length) {
        for (int i = 0; i < length; i++) {
            float s = y[yOff + i];
            dx[dxOff + i] = dy[dyOff + i] * s * (1f - s);
        }
    }
}
