package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {

    @Test
    void reproducesTheTutorialExample() {
        float[] x = {2.0f, 1.0f, 0.5f, 0.5f, 2.0f, 1.0f};
        float[] y = new float[6];
        Softmax.softmax(2, 3, x, y);
        float[] expected = {0.6285f, 0.2312f, 0.1402f, 0.1402f, 0.6285f, 0.2312f};
        assertArrayEquals(expected, y, 1e-4f);
    }

    static void assertSoftmaxWithinContract(float[] x, int xOff, int ldx, float[] y, int yOff, int ldy,
                                            int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            double[] exact = Reference.softmaxRow(x, xOff + r * ldx, cols);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[xOff + r * ldx + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float got = y[yOff + r * ldy + j];
                sum += got;
                if (exact[j] >= 0x1p-126) {
                    double rel = Math.abs(got - exact[j]) / exact[j];
                    double bound = Reference.softmaxBound(x[xOff + r * ldx + j], max);
                    assertTrue(rel <= bound, "row " + r + " col " + j + " of " + cols + ": got " + got
                            + ", exact " + exact[j] + ", relative error " + rel + " > " + bound);
                } else {
                    assertTrue(got >= 0 && got <= 0x1p-125, "tiny value " + exact[j] + " gave " + got);
                }
            }
            assertEquals(1.0, sum, 1e-5, "row " + r + " sums to " + sum);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 10, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 1021, 10_000})
    void matchesTheDoubleReferenceWithinTheContract(int cols) {
        SplittableRandom random = new SplittableRandom(cols);
        int rows = Math.max(1, 20_000 / cols);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 3);
        }
        float[] y = new float[x.length];
        Softmax.softmax(rows, cols, x, y);
        assertSoftmaxWithinContract(x, 0, cols, y, 0, cols, rows, cols);
    }

    @Test
    void wideRangeInputsStayWithinTheContract() {
        SplittableRandom random = new SplittableRandom(7);
        int rows = 50, cols = 1000;
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble(-100, 100));
        }
        float[] y = new float[x.length];
        Softmax.softmax(rows, cols, x, y);
        assertSoftmaxWithinContract(x, 0, cols, y, 0, cols, rows, cols);
    }

    @Test
    void aMillionColumnsSumToOne() {
        int cols = 1_000_000;
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[cols];
        for (int i = 0; i < cols; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[cols];
        Softmax.softmax(1, cols, x, y);
        double sum = 0;
        for (float v : y) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);
        // All-equal row: every entry exactly 1/cols up to rounding.
        java.util.Arrays.fill(x, 5f);
        Softmax.softmax(1, cols, x, y);
        sum = 0;
        for (float v : y) {
            sum += v;
            assertEquals(1e-6, v, 1e-12);
        }
        assertEquals(1.0, sum, 1e-5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 16, 40, 1000})
    void extremeMagnitudesDoNotOverflow(int cols) {
        float[] x = new float[3 * cols];
        for (int j = 0; j < cols; j++) {
            x[j] = (j % 2 == 0) ? 1e30f : -1e30f;            // row 0: ±1e30
            x[cols + j] = j == cols / 2 ? 3e38f : (float) j;   // row 1: one huge value
            x[2 * cols + j] = j == cols - 1 ? -7f : Float.NEGATIVE_INFINITY; // row 2: -inf except one
        }
        float[] y = new float[x.length];
        Softmax.softmax(3, cols, x, y);
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float v = y[r * cols + j];
                assertTrue(v >= 0 && v <= 1, "row " + r + " col " + j + " = " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5, "row " + r);
        }
        assertEquals(1f, y[cols + cols / 2]);
        assertEquals(1f, y[3 * cols - 1]);
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 40, 1000})
    void infinityOrNaNPoisonsOnlyItsOwnRow(int cols) {
        float negativeNaN = Float.intBitsToFloat(0xffc00000);
        float[] x = new float[6 * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 - 10;
        }
        x[cols + 3] = Float.POSITIVE_INFINITY;
        x[2 * cols + cols - 1] = Float.NaN;     // in the last columns
        x[3 * cols + 2] = Float.NaN;            // in the first vector
        x[4 * cols + 5] = negativeNaN;          // sign bit set: orders below every float as an int
        float[] y = new float[x.length];
        Softmax.softmax(6, cols, x, y);
        for (int j = 0; j < cols; j++) {
            assertFalse(Float.isNaN(y[j]));
            assertTrue(Float.isNaN(y[cols + j]), "+inf row");
            assertTrue(Float.isNaN(y[2 * cols + j]), "NaN at the end");
            assertTrue(Float.isNaN(y[3 * cols + j]), "NaN at the start");
            assertTrue(Float.isNaN(y[4 * cols + j]), "-NaN");
            assertFalse(Float.isNaN(y[5 * cols + j]));
        }
    }

    /**
     * Rows whose values all have one sign, or both, or are signed zeros: the max must be the true one. Shifting an
     * all-negative row spread over 1000 by anything but its max overflows or underflows every exp.
     */
    @ParameterizedTest
    @ValueSource(ints = {16, 21, 40, 1000})
    void everyRowIsShiftedByItsTrueMaxWhateverTheSigns(int cols) {
        float[] x = new float[5 * cols];
        for (int j = 0; j < cols; j++) {
            float spread = (float) (j * 997 % cols) / cols;              // a permutation of [0, 1)
            x[j] = 1f + 1000f * spread;                                   // all positive
            x[cols + j] = -5f - 1000f * spread;                           // all negative (not the first row:
            x[2 * cols + j] = -500f + 1000f * spread;                     //  its max is found another way)
            x[3 * cols + j] = j % 2 == 0 ? -0f : -1f - 1000f * spread;    // max is -0
            x[4 * cols + j] = j % 3 == 0 ? -0f : (j % 3 == 1 ? 0f : -3f); // +0 beside -0
        }
        float[] y = new float[x.length];
        Softmax.softmax(5, cols, x, y);
        assertSoftmaxWithinContract(x, 0, cols, y, 0, cols, 5, cols);
        float[] z = new float[x.length];
        Softmax.logSoftmax(5, cols, x, 0, cols, z, 0, cols);
        LogSoftmaxTest.assertLogSoftmaxWithinContract(x, 0, cols, z, 0, cols, 5, cols);
    }

    /**
     * One value 100 below the rest of its row, in the first vector, the middle, the last whole vector or the tail
     * past it, in rows of one sign or both: its exp underflows (the reference is below 2⁻¹²⁶), so it must come out
     * as a tiny non-negative value, never as the fast exp's wrapped-around exponent, wherever the vector backend
     * learns the row's min from.
     */
    @ParameterizedTest
    @ValueSource(ints = {21, 40, 1000, 1003})
    void aValueFarBelowTheRowMaxUnderflowsWhereverItSits(int cols) {
        int[] places = {0, cols / 2, cols - 1 - cols % 16, cols - 1};
        float[] bases = {120f, 0f, -120f};
        int rows = 1 + places.length * bases.length;
        float[] x = new float[rows * cols];
        SplittableRandom random = new SplittableRandom(cols);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        int r = 1;
        for (float base : bases) {
            for (int place : places) {
                for (int j = 0; j < cols; j++) {
                    x[r * cols + j] += base;
                }
                x[r * cols + place] = base - 100f;
                r++;
            }
        }
        float[] y = new float[x.length];
        Softmax.softmax(rows, cols, x, y);
        assertSoftmaxWithinContract(x, 0, cols, y, 0, cols, rows, cols);
        Softmax.logSoftmax(rows, cols, x, 0, cols, y, 0, cols);
        LogSoftmaxTest.assertLogSoftmaxWithinContract(x, 0, cols, y, 0, cols, rows, cols);
    }

    @Test
    void allNegativeInfinityRowIsNaNLikePyTorch() {
        float[] x = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, 2f};
        float[] y = new float[4];
        Softmax.softmax(2, 2, x, y);
        assertTrue(Float.isNaN(y[0]) && Float.isNaN(y[1]));
        assertEquals(1.0, y[2] + y[3], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 17, 100})
    void stridedAndOffsetRowsLeaveTheGapsAlone(int cols) {
        int rows = 9, ldx = cols + 5, ldy = cols + 3, xOff = 2, yOff = 4;
        float[] x = new float[xOff + rows * ldx];
        SplittableRandom random = new SplittableRandom(cols);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian() * 4;
        }
        float[] y = new float[yOff + rows * ldy + 1];
        java.util.Arrays.fill(y, -9f);
        Softmax.softmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
        assertSoftmaxWithinContract(x, xOff, ldx, y, yOff, ldy, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int j = cols; j < ldy && yOff + r * ldy + j < y.length; j++) {
                assertEquals(-9f, y[yOff + r * ldy + j], "gap written at row " + r);
            }
        }
        assertEquals(-9f, y[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 17, 33, 500, 1021})
    void inPlaceGivesTheSameAsOutOfPlace(int cols) {
        int rows = 13;
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(i) * 10;
        }
        float[] y = new float[x.length];
        Softmax.softmax(rows, cols, x, y);
        Softmax.softmax(rows, cols, x, x);
        assertArrayEquals(y, x);
    }

    @Test
    void emptyShapesDoNothing() {
        float[] y = {5f};
        Softmax.softmax(0, 10, new float[0], 0, 10, y, 0, 10);
        Softmax.softmax(3, 0, new float[0], 0, 1, y, 0, 1);
        assertEquals(5f, y[0]);
    }
}
