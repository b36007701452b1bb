package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

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

    @Test
    void reluInPlaceWithOffset() {
        float[] x = {-1f, -2f, 3f, -4f, 5f};
        Activations.relu(x, 1, x, 1, 3);
        assertArrayEquals(new float[] {-1f, 0f, 3f, 0f, 5f}, x);
    }
}
