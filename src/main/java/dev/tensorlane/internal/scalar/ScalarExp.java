package dev.tensorlane.internal.scalar;

import static dev.tensorlane.internal.ExpConstants.*;

/**
 * Scalar {@code expf}: the same range reduction and polynomial as the vector backend (see ExpConstants), in
 * plain float arithmetic without FMA (Math.fma is slow on CPUs without the instruction, and this is the fallback).
 */
public final class ScalarExp {
    private ScalarExp() {}

    /** e^x within 2 ulp where the result is a normal float; +0 below ≈ −87.34; +Infinity above ≈ 88.72; NaN stays NaN. */
    public static float exp(float x) {
        if (x != x) {
            return x;
        }
        if (x < UNDERFLOW) {
            return 0f;
        }
        if (x > OVERFLOW) {
            return Float.POSITIVE_INFINITY;
        }
        float z = x * LOG2E + SHIFT;
        float n = z - SHIFT;
        float r = x - n * LN2_HI;
        r = r - n * LN2_LO;
        float p = P0;
        p = p * r + P1;
        p = p * r + P2;
        p = p * r + P3;
        p = p * r + P4;
        p = p * r + P5;
        float y = (p * (r * r) + r) + 1f;
        int e = Float.floatToRawIntBits(z) << 23;
        if (x <= FAST_MAX) {
            return y * Float.intBitsToFloat(e + ONE_BITS);
        }
        return (y + y) * Float.intBitsToFloat(e + HALF_BITS);
    }

    public static void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        for (int i = 0; i < length; i++) {
            y[yOff + i] = exp(x[xOff + i]);
        }
    }
}
