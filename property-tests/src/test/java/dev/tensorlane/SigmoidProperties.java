package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SigmoidProperties {

    /** Any finite float, with extra weight on the interesting range and on the edges. */
    @Provide
    Arbitrary<Float> finite() {
        return Arbitraries.oneOf(
                Arbitraries.floats().between(-120f, 120f),
                Arbitraries.floats().between(-Float.MAX_VALUE, Float.MAX_VALUE),
                Arbitraries.of(0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                        87.3f, -87.3f, 88.72f, -88.72f, 103.9f, -103.9f, 16.6f, -16.6f));
    }

    private static float sigmoid(float x) {
        float[] v = {x};
        Activations.sigmoid(v);
        return v[0];
    }

    @Property
    void sigmoidIsInZeroOneAndNeverNaN(@ForAll("finite") float x) {
        float s = sigmoid(x);
        assertTrue(s >= 0f && s <= 1f, "sigmoid(" + x + ") = " + s);
    }

    @Property
    void sigmoidIsWithinFourUlpWhereNormal(@ForAll("finite") float x) {
        double exact = Reference.sigmoid(x);
        if (exact >= Float.MIN_NORMAL) {
            assertTrue(Reference.ulps(sigmoid(x), exact) <= 4, "x=" + x);
        }
    }

    /** σ(−x) = 1 − σ(x); 1 − σ(x) is exact in float for σ(x) ≥ 1/2, so the gap is the two errors of σ. */
    @Property
    void sigmoidIsSymmetric(@ForAll("finite") float x) {
        float s = sigmoid(x);
        float sNeg = sigmoid(-x);
        double tolerance = 4 * Math.ulp(Math.max(s, sNeg)) + 4 * Math.ulp(Math.min(s, sNeg)) + Float.MIN_NORMAL;
        assertEquals(1.0 - s, sNeg, tolerance, "x=" + x);
    }

    /**
     * Monotonic up to rounding: for x ≤ y, σ(y) ≥ σ(x) − 1 ulp. The exp polynomial's last bit is not
     * monotonic between neighbouring floats, so strict monotonicity holds only for inputs that differ by more
     * than the rounding noise; no vector expf we know of (Sleef, SVML, ARM) promises more.
     */
    @Property
    void sigmoidIsMonotonic(@ForAll @Size(min = 2, max = 200) float[] values) {
        float[] x = Arrays.copyOf(values, values.length);
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                x[i] = 0f;
            }
        }
        Arrays.sort(x);
        float[] y = x.clone();
        Activations.sigmoid(y);
        for (int i = 1; i < y.length; i++) {
            assertTrue(y[i - 1] <= y[i] + Math.ulp(y[i]),
                    "sigmoid(" + x[i - 1] + ")=" + y[i - 1] + " > sigmoid(" + x[i] + ")=" + y[i]);
        }
    }

    @Property(tries = 500)
    void sigmoidIsMonotonicUpToOneUlpAcrossNeighbouringFloats(@ForAll("finite") float x) {
        float[] v = new float[64];
        v[0] = Math.max(-100f, Math.min(100f, x));
        for (int i = 1; i < v.length; i++) {
            v[i] = Math.nextUp(v[i - 1]);
        }
        float[] s = v.clone();
        Activations.sigmoid(s);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i - 1] <= s[i] + Math.ulp(s[i]), "decreases by more than an ulp at " + v[i]);
        }
    }
}
