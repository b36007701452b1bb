package dev.tensorlane;

import dev.tensorlane.internal.Checks;
import dev.tensorlane.internal.KernelsProvider;

/**
 * Elementwise kernels over {@code x[xOff .. xOff+length)} into {@code y[yOff .. yOff+length)}. In place is
 * allowed (same array and offset); any other overlap is refused with an {@link IllegalArgumentException}.
 */
public final class Activations {
    private Activations() {}

    /**
     * {@code y = e^x}. At most 2 ulp of error wherever the result is a normal float (x in about [−87.33, 88.72]);
     * +Infinity above about 88.72; below −87.33654 the result, then under {@link Float#MIN_NORMAL}, is flushed to
     * +0. Never negative; NaN gives NaN. Tensorlane's own polynomial on every backend (not
     * {@code VectorOperators.EXP}), so results agree across CPUs and JDKs.
     */
    public static void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        check(x, xOff, y, yOff, length);
        KernelsProvider.get().exp(x, xOff, y, yOff, length);
    }

    /**
     * {@code y = 1 / (1 + e^-x)}, computed from {@code e^-|x|} so no intermediate overflows. At most 4 ulp of
     * relative error wherever the result is a normal float; always in [0, 1]; never NaN for finite x; NaN gives NaN.
     * Monotonic up to rounding: for x &lt;= x', sigmoid(x') is never smaller than sigmoid(x) by more than 1 ulp.
     */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int length) {
        check(x, xOff, y, yOff, length);
        KernelsProvider.get().sigmoid(x, xOff, y, yOff, length);
    }

    /** {@code y = max(x, 0)}, exact; NaN stays NaN and −0.0 becomes +0.0, as {@link Math#max(float, float)}. */
    public static void relu(float[] x, int xOff, float[] y, int yOff, int length) {
        check(x, xOff, y, yOff, length);
        KernelsProvider.get().relu(x, xOff, y, yOff, length);
    }

    /**
     * relu's backward pass from its output y: {@code dx = y <= 0 ? 0 : dy}, exact (a select). As PyTorch's
     * {@code threshold_backward}, a NaN in y passes dy through. dx may be exactly dy or exactly y (in place);
     * any other overlap is refused.
     */
    public static void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        checkBackward(y, yOff, dy, dyOff, dx, dxOff, length);
        KernelsProvider.get().reluBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }

    /**
     * sigmoid's backward pass from its output y: {@code dx = (dy·y)·(1 − y)}, in float, in that order on every
     * backend: at most 2 ulp of relative error against the exact product of the float inputs (three roundings of
     * half an ulp each). dx may be exactly dy or exactly y (in place); any other overlap is refused.
     */
    public static void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff,
                                       int length) {
        checkBackward(y, yOff, dy, dyOff, dx, dxOff, length);
        KernelsProvider.get().sigmoidBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }

    /** In place over the whole array. */
    public static void exp(float[] x) {
        Checks.notNull(x, "x");
        exp(x, 0, x, 0, x.length);
    }

    /** In place over the whole array. */
    public static void sigmoid(float[] x) {
        Checks.notNull(x, "x");
        sigmoid(x, 0, x, 0, x.length);
    }

    /** In place over the whole array. */
    public static void relu(float[] x) {
        Checks.notNull(x, "x");
        relu(x, 0, x, 0, x.length);
    }

    private static void checkBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        Checks.range(y, "y", yOff, length);
        Checks.range(dy, "dy", dyOff, length);
        Checks.range(dx, "dx", dxOff, length);
        Checks.inPlaceOrDisjoint(dx, "dx", dxOff, length, y, "y", yOff, length, 1, length);
        Checks.inPlaceOrDisjoint(dx, "dx", dxOff, length, dy, "dy", dyOff, length, 1, length);
    }

    private static void check(float[] x, int xOff, float[] y, int yOff, int length) {
        Checks.range(x, "x", xOff, length);
        Checks.range(y, "y", yOff, length);
        Checks.inPlaceOrDisjoint(y, "y", yOff, length, x, "x", xOff, length, 1, length);
    }
}
