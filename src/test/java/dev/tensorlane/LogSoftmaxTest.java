package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogSoftmaxTest {

    static void assertLogSoftmaxWithinContract(float[] x, int xOff, int ldx, float[] y, int yOff, int ldy,
                                               int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            double[] exact = Reference.logSoftmaxRow(x, xOff + r * ldx, cols);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[xOff + r * ldx + j]);
            }
            for (int j = 0; j < cols; j++) {
                float got = y[yOff + r * ldy + j];
                double bound = Reference.logSoftmaxBound(x[xOff + r * ldx + j], max, cols);
                if (exact[j] < -Float.MAX_VALUE) {
                    // x_i − max itself is at the edge of or beyond float range (e.g. −MAX_VALUE − MAX_VALUE):
                    // −Infinity, or −MAX_VALUE within half an ulp of the edge, is the rounding.
                    assertTrue(got <= -Float.MAX_VALUE, "got " + got + ", exact " + exact[j]);
                    continue;
                }
                assertTrue(Float.isFinite(got), "not finite: " + got + " (exact " + exact[j] + ")");
                assertTrue(Math.abs(got - exact[j]) <= bound, "row " + r + " col " + j + ": got " + got
                        + ", exact " + exact[j] + ", error " + Math.abs(got - exact[j]) + " > " + bound);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 15, 16, 17, 33, 100, 1000, 4099})
    void matchesTheDoubleReferenceWithinTheContract(int cols) {
        SplittableRandom random = new SplittableRandom(cols);
        int rows = Math.max(1, 20_000 / cols);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 5);
        }
        float[] y = new float[x.length];
        Softmax.logSoftmax(rows, cols, x, y);
        assertLogSoftmaxWithinContract(x, 0, cols, y, 0, cols, rows, cols);
    }

    @Test
    void finiteWhereSoftmaxWouldUnderflow() {
        float[] x = {0f, -200f, -1000f, 50f, 1e30f, -1e30f};
        float[] y = new float[x.length];
        Softmax.logSoftmax(2, 3, x, y);
        assertLogSoftmaxWithinContract(x, 0, 3, y, 0, 3, 2, 3);
        assertEquals(-1000f, y[2], 1e-3f);
        assertEquals(-2e30f, y[5], 1e24f);
    }

    @Test
    void specialRows() {
        float n = Float.NEGATIVE_INFINITY;
        float[] x = {n, 1f, n, 2f, Float.NaN, 0f, 1f, Float.POSITIVE_INFINITY, 0f, 4f, 4f, 4f};
        float[] y = new float[x.length];
        Softmax.logSoftmax(4, 3, x, y);
        assertEquals(n, y[0]);
        assertEquals(0f, y[1]);
        assertEquals(n, y[2]);
        for (int j = 3; j < 9; j++) {
            assertTrue(Float.isNaN(y[j]), "NaN/+inf rows are NaN, at " + j);
        }
        assertEquals(-Math.log(3), y[9], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 21, 40, 300, 1021})
    void inPlaceAndStrided(int cols) {
        int rows = 7, ld = cols + 2;
        float[] x = new float[rows * ld];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i) * 30;
        }
        float[] copy = x.clone();
        Softmax.logSoftmax(rows, cols, x, 0, ld, x, 0, ld);
        assertLogSoftmaxWithinContract(copy, 0, ld, x, 0, ld, rows, cols);
        for (int r = 0; r < rows; r++) {
            assertEquals(copy[r * ld + cols], x[r * ld + cols], "gap untouched");
        }
    }
}
