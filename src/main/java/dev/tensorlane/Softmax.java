package dev.tensorlane;

import dev.tensorlane.internal.Checks;
import dev.tensorlane.internal.KernelsProvider;

/**
 * Softmax and log-softmax over the rows of a row-major block, shifted by each row's maximum so that no finite
 * input overflows. X is rows×cols with row stride {@code ldx >= cols}, Y likewise with {@code ldy}. In place is
 * allowed (Y exactly X: same array, offset and stride); any other overlap is refused.
 *
 * <p><b>Special values, row by row:</b> a row holding NaN or +Infinity gives NaN in that row only (as PyTorch);
 * −Infinity entries get probability 0 (log-probability −Infinity) as long as the row has a finite entry; a row
 * that is all −Infinity gives NaN (0/0, as PyTorch).
 *
 * <p><b>Error bounds</b> (checked against a double-precision reference in the tests):
 * <ul>
 *   <li>softmax, rows up to 10^4 columns: each element's relative error is at most
 *       {@code (4 + |x_i − max|)·2⁻²³} wherever the exact value is at least 2⁻¹²⁶ (rounding {@code x_i − max}
 *       in float costs about {@code |x_i − max|} units); smaller values may be flushed to 0. Every row of finite
 *       inputs sums to 1 within 1e-5 for rows up to 10^6 columns.</li>
 *   <li>log-softmax: absolute error at most {@code (2 + |x_i − max| + ln(cols))·2⁻²³}, computed as
 *       {@code (x_i − max) − log Σ exp(x_j − max)}, never as log(softmax), so it is finite wherever x is finite and the exact result fits in a float
 *       (only {@code x_i − max < −Float.MAX_VALUE}, e.g. a row holding both ±3e38, rounds to −Infinity).</li>
 * </ul>
 */
public final class Softmax {
    private Softmax() {}

    public static void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        check(rows, cols, x, xOff, ldx, y, yOff, ldy);
        KernelsProvider.get().softmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    /** Dense rows, in place or into y of the same size. */
    public static void softmax(int rows, int cols, float[] x, float[] y) {
        softmax(rows, cols, x, 0, cols, y, 0, cols);
    }

    public static void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        check(rows, cols, x, xOff, ldx, y, yOff, ldy);
        KernelsProvider.get().logSoftmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    public static void logSoftmax(int rows, int cols, float[] x, float[] y) {
        logSoftmax(rows, cols, x, 0, cols, y, 0, cols);
    }

    private static void check(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        if (Checks.fits(x, xOff, ldx, rows, cols) && Checks.fits(y, yOff, ldy, rows, cols)) {
            Checks.inPlaceOrDisjoint(y, "y", yOff, ldy, x, "x", xOff, ldx, rows, cols);
            return;
        }
        Checks.nonNegative("rows", rows);
        Checks.nonNegative("cols", cols);
        String what = "(rows=" + rows + ", cols=" + cols + ")";
        Checks.matrix(x, "x", xOff, "ldx", ldx, rows, cols, "cols", "x " + what);
        Checks.matrix(y, "y", yOff, "ldy", ldy, rows, cols, "cols", "y " + what);
        Checks.inPlaceOrDisjoint(y, "y", yOff, ldy, x, "x", xOff, ldx, rows, cols);
    }
}
