package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void sigmoidWithinFourUlpWhereverTheResultIsNormal() {
        int n = 400_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -100f + 200f * i / (n - 1);
        }
        float[] y = new float[n];
        Activations.sigmoid(x, 0, y, 0, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = Reference.sigmoid(x[i]);
            if (exact >= Float.MIN_NORMAL) {
                worst = Math.max(worst, Reference.ulps(y[i], exact));
            }
        }
        assertTrue(worst <= 4, "worst " + worst + " ulp");
    }

    @Test
    void sigmoidStaysInZeroOneAndNeverNaNForFiniteInput() {
        float[] x = {-Float.MAX_VALUE, -1e30f, -1000f, -88f, -20f, -0f, 0f, 20f, 88f, 1000f, 1e30f, Float.MAX_VALUE,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE};
        float[] y = new float[x.length];
        Activations.sigmoid(x, 0, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertTrue(y[i] >= 0f && y[i] <= 1f, "sigmoid(" + x[i] + ") = " + y[i]);
        }
        assertEquals(0f, y[0]);
        assertEquals(0.5f, y[5]);
        assertEquals(0.5f, y[6]);
        assertEquals(1f, y[11]);
        assertEquals(0f, y[12]);
        assertEquals(1f, y[13]);
    }

    @Test
    void sigmoidOfNaNIsNaN() {
        float[] x = new float[37];
        x[17] = Float.NaN;
        Activations.sigmoid(x);
        assertTrue(Float.isNaN(x[17]));
        assertEquals(0.5f, x[16]);
    }

    @Test
    void reluIsExactWithMathMaxSemantics() {
        float[] x = new float[101];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 3 == 0 ? -1 : 1) * i * 0.37f;
        }
        x[5] = Float.NaN;
        x[7] = -0f;
        x[8] = Float.NEGATIVE_INFINITY;
        float[] y = new float[x.length];
        Activations.relu(x, 0, y, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.max(x[i], 0f), y[i], "i=" + i);
        }
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(y[7]), "relu(-0) is +0");
    }

    /** Lengths around the vector width, so both the vector loop and its scalar tail are covered. */
    @Test
    void reluBackwardPassesTheGradientExactlyWhereTheOutputIsPositive() {
        for (int n : new int[] {1, 3, 4, 7, 8, 15, 16, 17, 33, 101}) {
            float[] y = new float[n], dy = new float[n], dx = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3 == 0 ? 0f : (i % 3 == 1 ? 0.25f * i : -1f);
                dy[i] = 1.5f * i - 7f;
            }
            y[n / 2] = Float.NaN;   // as PyTorch's threshold_backward: NaN is not <= 0, so dy passes
            if (n > 2) {
                y[1] = -0f;
            }
            Activations.reluBackward(y, 0, dy, 0, dx, 0, n);
            for (int i = 0; i < n; i++) {
                float expected = y[i] <= 0f ? 0f : dy[i];
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(dx[i]), "n=" + n + " i=" + i);
            }
            Activations.reluBackward(y, 0, dy, 0, dy, 0, n);   // in place over dy
            assertArrayEquals(dx, dy, "in place, n=" + n);
        }
    }

    @Test
    void sigmoidBackwardIsWithinTwoUlpOfTheExactProduct() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 1037;
        float[] y = new float[n], dy = new float[n], dx = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) random.nextDouble(1e-3, 1 - 1e-3);
            dy[i] = (float) (random.nextDouble(1e-3, 10) * (random.nextBoolean() ? 1 : -1));
        }
        y[0] = 0f;
        y[1] = 1f;
        y[2] = 0.5f;
        Activations.sigmoidBackward(y, 0, dy, 0, dx, 0, n);
        for (int i = 0; i < n; i++) {
            double exact = (double) dy[i] * y[i] * (1.0 - y[i]);
            double err = Math.abs(dx[i] - exact);
            assertTrue(err <= 2 * Math.ulp((float) exact), "y=" + y[i] + " dy=" + dy[i] + ": " + dx[i] + " vs " + exact);
        }
        Activations.sigmoidBackward(y, 0, dy, 0, y, 0, n);   // in place over y
        assertArrayEquals(dx, y);
    }

    /**
     * Arrays long enough for the vector backend to step to an aligned start first: every offset of x and of y
     * (the start moves with y's), out of place and in place, lengths just around that threshold and above.
     */
    @Test
    void reluOfLongArraysIsExactAtEveryOffset() {
        SplittableRandom random = new SplittableRandom(14);
        float[] x = new float[(1 << 14) + 100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        x[3] = Float.NaN;
        x[40] = -0f;
        x[x.length - 30] = Float.NaN;
        for (int length : new int[] {(1 << 14) - 1, 1 << 14, (1 << 14) + 37}) {
            for (int xOff = 0; xOff < 20; xOff++) {
                for (int yOff = 0; yOff < 20; yOff++) {
                    float[] y = new float[length + yOff + 3];
                    Arrays.fill(y, 42f);
                    Activations.relu(x, xOff, y, yOff, length);
                    for (int i = 0; i < y.length; i++) {
                        float expected = i >= yOff && i < yOff + length ? Math.max(x[xOff + i - yOff], 0f) : 42f;
                        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(y[i]),
                                "length " + length + ", xOff " + xOff + ", yOff " + yOff + ", index " + i);
                    }
                }
                float[] z = x.clone();
                Activations.relu(z, xOff, z, xOff, length);
                for (int i = 0; i < z.length; i++) {
                    float expected = i >= xOff && i < xOff + length ? Math.max(x[i], 0f) : x[i];
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(z[i]),
                            "in place, length " + length + ", offset " + xOff + ", index " + i);
                }
            }
        }
    }

    @Test
    void reluInPlaceWithOffset() {
        float[] x = {-1f, -2f, 3f, -4f, 5f};
        Activations.relu(x, 1, x, 1, 3);
        assertArrayEquals(new float[] {-1f, 0f, 3f, 0f, 5f}, x);
    }
}
