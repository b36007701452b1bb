package dev.tensorlane.internal.vector;

import static dev.tensorlane.internal.ExpConstants.*;

import dev.tensorlane.internal.scalar.ScalarExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Tensorlane's own vector {@code expf} (the derivation is in ExpConstants): the same code on every CPU and JDK,
 * instead of {@code lanewise(EXP)}, which is fast only where the JDK ships an intrinsic for it (x86-64 Linux and
 * Windows) and runs lane by lane in Java elsewhere.
 *
 * <p>Only operations C2 intrinsifies on JDK 17 are used: FMA, shift and add on the reinterpreted bits, compare
 * and blend. Rounding through {@code convert(F2I)} is avoided: on JDK 17 it is not intrinsified and runs about
 * 15× slower. The rare lanes with |x| > 87.34 take a branch that is skipped when no lane needs it.
 */
final class VectorExp {
    private VectorExp() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;

    /** e^x per lane; the contract of {@link ScalarExp#exp(float)}, with FMA in the reduction and polynomial. */
    static FloatVector exp(FloatVector x) {
        return exp(x, x.abs().compare(VectorOperators.LE, FAST_ABS).allTrue());
    }

    /**
     * e^x for lanes that are at most 0 (or NaN), as softmax's exp(x − max): the same results as
     * {@link #exp(FloatVector)}, with a one-sided test for the fast path, skipped when the caller already knows
     * that every lane is at least {@code UNDERFLOW} or NaN ({@code inRange}).
     */
    static FloatVector expNonPositive(FloatVector x, boolean inRange) {
        return exp(x, inRange || x.compare(VectorOperators.GE, UNDERFLOW).allTrue());
    }

    private static FloatVector exp(FloatVector x, boolean inRange) {
        FloatVector z = x.fma(LOG2E, SHIFT);
        FloatVector n = z.sub(SHIFT);
        FloatVector r = n.fma(broadcast(-LN2_HI), x);
        r = n.fma(broadcast(-LN2_LO), r);
        // q as (Q0 + Q1·r) + r²·((Q2 + Q3·r) + r²·Q4), not Horner's rule: C2's FMA overwrites its addend, so each
        // Horner step onto a constant costs a register copy (four per exp), and this leaves two. Checked over every
        // float in [−87.33, 88.72]: at most 1.02 ulp against Math.exp, as with Horner (1.01).
        FloatVector r2 = r.mul(r);
        FloatVector q01 = r.fma(Q1, Q0);
        FloatVector q23 = r.fma(Q3, Q2);
        FloatVector q = r2.fma(broadcast(Q4), q23).fma(r2, q01);
        FloatVector y = q.fma(r2, r);   // e^r − 1
        // 0 + bits: a receiver of known class for the shift (see VectorConstants.ZERO), for one integer add.
        IntVector e = VectorConstants.INT_ZERO.add(z.reinterpretAsInts()).lanewise(VectorOperators.LSHL, 23);
        FloatVector scale = e.add(ONE_BITS).reinterpretAsFloats();
        FloatVector result = y.fma(scale, scale);
        if (inRange) {
            return result;
        }
        // Through a blend on result: a call's result is typed plain FloatVector, and what exp returns must have an
        // exact type on both paths (see VectorSoftmax.shortRows). Every lane taken, so the same bits.
        return result.blend(specialCases(x, y, e, result), VectorConstants.EVERY_LANE);
    }

    /**
     * Lanes with |x| > 87.34, NaN or infinite. Kept out of {@link #exp(FloatVector)} so that the hot path stays
     * small enough for C2 to inline it into every caller: a caller that does not inline it must box its vectors,
     * and allocates on every call (seen as a 10× slowdown of sigmoid after recompilation).
     */
    private static FloatVector specialCases(FloatVector x, FloatVector y, IntVector e, FloatVector result) {
        // n = 128 cannot be built as 2^n; 2^(n−1) can, and the final doubling is exact (or overflows, rightly).
        FloatVector half = e.add(HALF_BITS).reinterpretAsFloats();
        FloatVector big = y.fma(half, half).mul(2f);
        result = result.blend(big, x.compare(VectorOperators.GT, FAST_MAX));
        result = result.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, OVERFLOW));
        result = result.blend(0f, x.compare(VectorOperators.LT, UNDERFLOW));
        return result.blend(x, x.test(VectorOperators.IS_NAN));
    }

    private static FloatVector broadcast(float value) {
        return FloatVector.broadcast(S, value);
    }

    static void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            exp(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < length; i++) {
            y[yOff + i] = ScalarExp.exp(x[xOff + i]);
        }
    }
}
