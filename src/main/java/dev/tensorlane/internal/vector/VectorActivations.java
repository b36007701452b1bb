package dev.tensorlane.internal.vector;

import dev.tensorlane.internal.scalar.ScalarActivations;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector sigmoid and relu and their backward passes; tails shorter than a vector use the scalar twins. */
final class VectorActivations {
    private VectorActivations() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;

    /**
     * σ from e = exp(−|x|): 1/(1+e) where x ≥ 0, e/(1+e) where x < 0; no intermediate can overflow. Written out
     * in the loop rather than as a helper taking a vector: a helper C2 leaves out of line boxes its vectors.
     */
    static void sigmoid(float[] x, int xOff, float[] y, int yOff, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            FloatVector e = VectorExp.exp(v.abs().neg());
            FloatVector numerator = FloatVector.broadcast(S, 1f).blend(e, v.compare(VectorOperators.LT, 0f));
            numerator.div(e.add(1f)).intoArray(y, yOff + i);
        }
        for (; i < length; i++) {
            y[yOff + i] = ScalarActivations.sigmoid(x[xOff + i]);
        }
    }

    /**
     * From this length on, relu first steps scalar to where y's vectors start on a cache line. A vector that
     * straddles two lines costs two accesses: over 10^7 floats in place, every 64-byte vector of an array
     * straddled, and relu ran at 7.3 Gelem/s against 8.7 with them aligned (ElementwiseBenchmark, JDK 17, G1).
     */
    private static final int ALIGN_MIN = 1 << 14;
    /**
     * Where a float[]'s elements start in its object on 64-bit HotSpot (mark word, compressed class pointer,
     * length), in floats. Java does not tell an array's address; this assumes the array itself starts on a line,
     * which G1 guarantees for the arrays that matter here (those of half a region or more start a region). For an
     * array that starts elsewhere the head is as good as none: its alignment is unknown either way.
     */
    private static final int ARRAY_BASE_FLOATS = 4;

    /** Elements before index {@code off}'s vectors would start on an assumed vector-size boundary. */
    private static int headToAlignment(int off) {
        return -(ARRAY_BASE_FLOATS + off) & (S.length() - 1);
    }

    /** max(x, 0) lane by lane, NaN propagating as in Math.max. Unrolled twice: this loop is bound by memory. */
    static void relu(float[] x, int xOff, float[] y, int yOff, int length) {
        int step = S.length();
        int i = 0;
        if (length >= ALIGN_MIN) {
            for (int head = headToAlignment(yOff); i < head; i++) {
                y[yOff + i] = Math.max(x[xOff + i], 0f);
            }
        }
        for (int bound = length - 2 * step; i <= bound; i += 2 * step) {
            FloatVector v0 = FloatVector.fromArray(S, x, xOff + i);
            FloatVector v1 = FloatVector.fromArray(S, x, xOff + i + step);
            v0.max(0f).intoArray(y, yOff + i);
            v1.max(0f).intoArray(y, yOff + i + step);
        }
        for (int bound = length - step; i <= bound; i += step) {
            FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(y, yOff + i);
        }
        for (; i < length; i++) {
            y[yOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    /** dx = dy where y > 0 (or NaN), else 0: a blend, exact. */
    static void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, dy, dyOff + i);
            g.blend(0f, FloatVector.fromArray(S, y, yOff + i).compare(VectorOperators.LE, 0f)).intoArray(dx, dxOff + i);
        }
        ScalarActivations.reluBackward(y, yOff + i, dy, dyOff + i, dx, dxOff + i, length - i);
    }

    /** dx = (dy·y)·(1 − y), the scalar twin's operations in its order, so both give the same bits. */
    static void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            FloatVector s = FloatVector.fromArray(S, y, yOff + i);
            FloatVector.fromArray(S, dy, dyOff + i).mul(s).mul(s.neg().add(1f)).intoArray(dx, dxOff + i);
        }
        ScalarActivations.sigmoidBackward(y, yOff + i, dy, dyOff + i, dx, dxOff + i, length - i);
    }
}
