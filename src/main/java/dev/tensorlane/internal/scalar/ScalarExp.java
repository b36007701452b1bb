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
        float q = Q4;
        q = q * r + Q3;
        q = q * r + Q2;
        q = q * r + Q1;
        q = q * r + Q0;
        float y = q * (r * r) + r;   // e^r − 1
        int e = Float.floatToRawIntBits(z) << 23;
        if (x <= FAST_MAX) {
            float scale = Float.intBitsToFloat(e + ONE_BITS);
            return y * scale + scale;
        }
        float half = Float.intBitsToFloat(e + HALF_BITS);
        return (y * half + half) * 2f;
    }

    public static void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        for (int i = 0; i < length; i++) {
            y[yOff + i] = exp(x[xOff + i]);
        }
    }
}
