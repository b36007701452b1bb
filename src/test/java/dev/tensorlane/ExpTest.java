package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ExpTest {

    /** Every 257th float of the normal-result range, through the kernel in one call. */
    @Test
    void withinTwoUlpWhereverTheResultIsNormal() {
        int from = Float.floatToRawIntBits(-87.3365f);
        int count = 0;
        float[] x = new float[1 << 20];
        float[] y = new float[x.length];
        double worst = 0;
        float worstAt = 0;
        // Negative half: bit patterns grow as values fall; positive half ascends.
        int n = 0;
        for (int bits = from; bits >= Float.floatToRawIntBits(-0f) && n < x.length / 2; bits -= 257) {
            x[n++] = Float.intBitsToFloat(bits);
        }
        for (int bits = 0; Float.intBitsToFloat(bits) <= 88.7228f && n < x.length; bits += 257) {
            x[n++] = Float.intBitsToFloat(bits);
        }
        Activations.exp(x, 0, y, 0, n);
        for (int i = 0; i < n; i++) {
            double exact = Math.exp(x[i]);
            if (exact < Float.MIN_NORMAL || exact > Float.MAX_VALUE) {
                continue;
            }
            double u = Reference.ulps(y[i], exact);
            if (u > worst) {
                worst = u;
                worstAt = x[i];
            }
            count++;
        }
        assertTrue(count > 400_000, "sampled " + count);
        assertTrue(worst <= 2, "worst error " + worst + " ulp at x=" + worstAt);
    }

    @Test
    void specialValues() {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 88.8f, 89f, 1e30f,
                -88f, -104f, -1e30f, 88.72283f, 88.7229f, Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] y = new float[x.length];
        Activations.exp(x, 0, y, 0, x.length);
        assertTrue(Float.isNaN(y[0]));
        assertEquals(Float.POSITIVE_INFINITY, y[1]);
        assertEquals(0f, y[2]);
        assertEquals(1f, y[3]);
        assertEquals(1f, y[4]);
        assertEquals(Float.POSITIVE_INFINITY, y[5]);
        assertEquals(Float.POSITIVE_INFINITY, y[6]);
        assertEquals(Float.POSITIVE_INFINITY, y[7]);
        assertTrue(y[8] >= 0 && y[8] < Float.MIN_NORMAL, "exp(-88) is subnormal or flushed: " + y[8]);
        assertEquals(0f, y[9]);
        assertEquals(0f, y[10]);
        assertTrue(Reference.ulps(y[11], Math.exp(88.72283f)) <= 2, "largest finite: " + y[11]);
        assertEquals(Float.POSITIVE_INFINITY, y[12]);
        assertEquals(Float.POSITIVE_INFINITY, y[13]);
        assertEquals(0f, y[14]);
    }

    @Test
    void neverNegative() {
        float[] x = new float[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = -120f + i * (240f / x.length);
        }
        Activations.exp(x);
        for (float v : x) {
            assertTrue(v >= 0f && !Float.isNaN(v), "exp gave " + v);
        }
    }

    @Test
    void everyLengthAndOffsetAroundTheVectorWidth() {
        for (int length = 0; length <= 67; length++) {
            for (int off = 0; off < 3; off++) {
                float[] x = new float[off + length + 2];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) Math.sin(i * 1.7) * 20;
                }
                float[] y = new float[off + length + 2];
                y[off + length] = 42f;
                Activations.exp(x, off, y, off, length);
                for (int i = 0; i < length; i++) {
                    assertTrue(Reference.ulps(y[off + i], Math.exp(x[off + i])) <= 2, "length " + length + " i " + i);
                }
                assertEquals(42f, y[off + length], "wrote past the end at length " + length);
            }
        }
    }

    @Test
    void inPlace() {
        float[] x = {0f, 1f, -1f, 2f, 3f};
        Activations.exp(x, 1, x, 1, 4);
        assertEquals(0f, x[0]);
        assertEquals(Math.E, x[1], 1e-6);
        assertEquals(1 / Math.E, x[2], 1e-7);
    }
}
