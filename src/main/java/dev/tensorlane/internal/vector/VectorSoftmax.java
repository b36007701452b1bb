package dev.tensorlane.internal.vector;

import dev.tensorlane.internal.ExpConstants;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax and log-softmax, max-shifted.
 *
 * <p><b>Short rows</b> (at most {@value #SHORT_COLS} columns, e.g. the 10 classes of MNIST) are processed
 * {@code L} rows at a time, transposed: lane i holds row i, so the max, the sum and 1/sum are plain lanewise
 * operations over {@code cols} vectors, with no per-row reduction, tail loop or division. Measured on 4096×10
 * (AVX-512, JDK 17): about 1.6× a per-row vector loop. The transposes are scalar copies through a per-thread
 * scratch block (see shortRows for why not a gather and a scatter).
 *
 * <p><b>Long rows:</b> two vector passes per row. The first computes the exps and their sum, stores the exps
 * (softmax) or x − max (log-softmax), and takes the next row's max and min; the second scales by 1/sum or
 * subtracts log(sum). Only the first row has a max pass of its own. The sum is compensated per lane and added in
 * double every {@value #SUM_BLOCK} vectors, so its rounding does not grow with the row length: rows of 10^6 still
 * sum to 1 within 1e-6.
 */
final class VectorSoftmax {
    private VectorSoftmax() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;
    private static final VectorSpecies<Integer> I = S.withLanes(int.class);
    private static final int L = S.length();
    private static final int SUM_BLOCK = 64;
    static final int SHORT_COLS = 32;

    /** Per-thread scratch: a transposed block of SHORT_COLS × L floats. */
    private static final class Scratch {
        final float[] block = new float[SHORT_COLS * L];
        final float[] lanes = new float[L];
        /** exp(x − max) of a row's last cols mod L columns (the rest of the vector is unused). */
        final float[] tail = new float[L];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        transform(false, rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    static void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        transform(true, rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    private static void transform(boolean log, int rows, int cols, float[] x, int xOff, int ldx,
                                  float[] y, int yOff, int ldy) {
        if (rows == 0 || cols == 0) {
            return;
        }
        int r = 0;
        Scratch scratch = SCRATCH.get();
        if (cols <= SHORT_COLS && rows >= L) {
            for (; r + L <= rows; r += L) {
                shortRows(log, cols, x, xOff + r * ldx, ldx, y, yOff + r * ldy, ldy, scratch);
            }
        }
        if (r < rows) {
            float max = max(x, xOff + r * ldx, cols);
            boolean inRange = false;
            for (; r < rows; r++) {
                // The next row's max and min are taken during this row's exp pass (the last row takes its own
                // again). When min − max ≥ UNDERFLOW, no exp of that row's whole vectors leaves the fast range.
                int next = r + 1 < rows ? r + 1 : r;
                max = longRow(log, cols, x, xOff + r * ldx, y, yOff + r * ldy, max, inRange, xOff + next * ldx,
                              scratch);
                inRange = scratch.lanes[1] - max >= ExpConstants.UNDERFLOW;
            }
        }
    }

    /** L rows at once, transposed into scratch.block[j·L + lane] = x(row lane, column j). */
    private static void shortRows(boolean log, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy,
                                  Scratch scratch) {
        float[] t = scratch.block;
        // Element by element: gathers and scatters (512 bits) took longer here, softmax 4096×10 62 against 55 µs
        // on JDK 17 and 59 against 54 on JDK 25 (/tmp harness), and their index checks took this method past C2's
        // parse-time node budget, after which JDK 17 delays inlining and vectors can lose their exact type.
        for (int lane = 0; lane < L; lane++) {
            int src = xOff + lane * ldx;
            for (int j = 0; j < cols; j++) {
                t[j * L + lane] = x[src + j];
            }
        }
        // Lanewise max: Math.max semantics, so a NaN anywhere in a row makes that row's max NaN.
        // Loop-carried vectors (max, sum) only ever as arguments, never as receivers: C2 types a loop's vector as
        // plain FloatVector, so a call on it needs a profile-guarded type check, and once a compile has used up its
        // class-check traps (see VectorGemm.reluTile) that check merges, the type is lost, and the intrinsics after
        // it fail and box. The operations are commutative, and 0 + sum is sum (sum ≥ 1), so the bits are the same.
        FloatVector max = FloatVector.fromArray(S, t, 0);
        for (int j = 1; j < cols; j++) {
            max = FloatVector.fromArray(S, t, j * L).max(max);
        }
        // Kahan-compensated lane sums: a plain float sum of 32 terms can be off by several ulps, the whole budget.
        FloatVector sum = FloatVector.zero(S);
        FloatVector compensation = FloatVector.zero(S);
        for (int j = 0; j < cols; j++) {
            FloatVector shifted = FloatVector.fromArray(S, t, j * L).sub(max);
            FloatVector e = VectorExp.exp(shifted);
            // Two stores, not one of a vector chosen by the branch: a merge of two vectors has no exact type either.
            if (log) {
                shifted.intoArray(t, j * L);
            } else {
                e.intoArray(t, j * L);
            }
            FloatVector term = e.sub(compensation);
            FloatVector next = term.add(sum);
            compensation = next.sub(sum).sub(term);
            sum = next;
        }
        FloatVector adjust;
        if (log) {
            // No vector log that is fast on every platform; L scalar logs per L rows are cheap next to the exps.
            float[] lanes = scratch.lanes;
            VectorConstants.ZERO.add(sum).intoArray(lanes, 0);
            for (int lane = 0; lane < L; lane++) {
                lanes[lane] = (float) Math.log(lanes[lane]);
            }
            adjust = FloatVector.fromArray(S, lanes, 0);
            for (int j = 0; j < cols; j++) {
                FloatVector.fromArray(S, t, j * L).sub(adjust).intoArray(t, j * L);
            }
        } else {
            adjust = FloatVector.broadcast(S, 1f).div(sum);
            for (int j = 0; j < cols; j++) {
                FloatVector.fromArray(S, t, j * L).mul(adjust).intoArray(t, j * L);
            }
        }
        for (int lane = 0; lane < L; lane++) {
            int dst = yOff + lane * ldy;
            for (int j = 0; j < cols; j++) {
                y[dst + j] = t[j * L + lane];
            }
        }
    }

    /**
     * One row, given its max and whether every x − max is known to be at least UNDERFLOW; returns the max of the
     * row at {@code nextOff} and leaves the min of its whole vectors in {@code scratch.lanes[1]}.
     */
    private static float longRow(boolean log, int cols, float[] x, int xr, float[] y, int yr, float max,
                                 boolean inRange, int nextOff, Scratch scratch) {
        // The last cols mod L exps as one vector, here rather than in expShifted's scalar tail: there, scalar exps
        // cost about 50 ns a row (a tenth of a row of 1000), and a second vector exp inlined into expShifted made
        // C2 on JDK 17 stop inlining (NodeCountInliningCutoff) and box vectors.
        int bound = S.loopBound(cols);
        float[] tail = scratch.tail;
        if (bound < cols) {
            for (int j = 0; j < L; j++) {
                tail[j] = bound + j < cols ? x[xr + bound + j] - max : 0f;
            }
            VectorExp.exp(tail, 0, tail, 0, L);
        }
        double sum = expShifted(log, x, xr, y, yr, cols, max, inRange, nextOff, scratch.lanes, tail);
        float nextMax = scratch.lanes[0];
        if (log) {
            subtract(y, yr, cols, (float) Math.log(sum));
        } else {
            scale(y, yr, cols, (float) (1.0 / sum));
        }
        return nextMax;
    }

    /** Row maximum with two accumulators; lanewise MAX follows Math.max, so NaN propagates. */
    private static float max(float[] x, int off, int cols) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        if (cols >= 2 * L) {
            FloatVector m0 = FloatVector.fromArray(S, x, off);
            FloatVector m1 = FloatVector.fromArray(S, x, off + L);
            for (i = 2 * L; i <= cols - 2 * L; i += 2 * L) {
                m0 = m0.max(FloatVector.fromArray(S, x, off + i));
                m1 = m1.max(FloatVector.fromArray(S, x, off + i + L));
            }
            max = m0.max(m1).reduceLanes(VectorOperators.MAX);
        }
        for (; i < cols; i++) {
            max = Math.max(max, x[off + i]);
        }
        return max;
    }

    /**
     * Σ exp(x − max), with Kahan-compensated lane sums (a plain float lane sum of n/L terms errs by up to n/L
     * ulps, more than the whole error budget of a row of a thousand) folded into double every
     * {@value #SUM_BLOCK} vectors. Also stores in y the exps, or for log-softmax x − max (so that y's cache lines
     * are fetched for writing while the exps compute, not in the final pass alone).
     *
     * <p>Leaves the max of the row at {@code nextOff} in {@code lanes[0]} and the min of its whole vectors in
     * {@code lanes[1]}: read here, the next row streams into cache while this one computes (as a pass of its own,
     * the max took a fifth of a 1024×1000 softmax, waiting on memory). The min lets the next row skip the exp's
     * range test ({@code inRange}), which C2 on JDK 17 compiles to six instructions a vector (the mask made a
     * vector, tested, moved to a flag).
     *
     * <p>The exps are the last reads of this row and y is written only at this row, so an in-place call never reads
     * back its own output, except as the last row's own "next", whose max and min are not used. The exps of the
     * columns past the last whole vector come computed, in {@code tailExps[0..cols mod L)}.
     */
    private static double expShifted(boolean log, float[] x, int xOff, float[] y, int yOff, int cols, float max,
                                     boolean inRange, int nextOff, float[] lanes, float[] tailExps) {
        double total = 0;
        int i = 0;
        int bound = S.loopBound(cols);
        int nextHi = Integer.MIN_VALUE;
        int nextLo = Integer.MAX_VALUE;
        int nextTop = Integer.MIN_VALUE;
        while (i < bound) {
            int blockEnd = Math.min(bound, i + SUM_BLOCK * L);
            // Per block, like the sums: a vector carried across both loops was boxed by C2 on JDK 17 (5× slower).
            IntVector hi = IntVector.broadcast(I, Integer.MIN_VALUE);
            IntVector lo = IntVector.broadcast(I, Integer.MAX_VALUE);
            IntVector top = IntVector.broadcast(I, Integer.MIN_VALUE);
            FloatVector sum = FloatVector.zero(S);
            FloatVector compensation = FloatVector.zero(S);
            for (; i < blockEnd; i += L) {
                IntVector bits = FloatVector.fromArray(S, x, nextOff + i).reinterpretAsInts();
                hi = bits.max(hi);
                lo = bits.min(lo);
                top = bits.lanewise(VectorOperators.XOR, Integer.MIN_VALUE).max(top);
                FloatVector shifted = FloatVector.fromArray(S, x, xOff + i).sub(max);
                FloatVector e = VectorExp.expNonPositive(shifted, inRange);
                if (log) {
                    shifted.intoArray(y, yOff + i);
                } else {
                    e.intoArray(y, yOff + i);
                }
                FloatVector term = e.sub(compensation);
                FloatVector next = term.add(sum);
                compensation = next.sub(sum).sub(term);
                sum = next;
            }
            // Four chains of double adds: one chain of L sat on the row's critical path, before 1/sum and the next row.
            // Loop-carried vectors as arguments only (see shortRows): 0 + sum is sum (never −0: a compensated sum of
            // exps, from +0), and MIN_VALUE / MAX_VALUE are the identities of max / min.
            VectorConstants.ZERO.add(sum).sub(compensation).intoArray(lanes, 0);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int lane = 0; lane < L; lane += 4) {
                s0 += lanes[lane];
                s1 += lanes[lane + 1];
                s2 += lanes[lane + 2];
                s3 += lanes[lane + 3];
            }
            total += (s0 + s1) + (s2 + s3);
            nextHi = Math.max(nextHi, IntVector.broadcast(I, Integer.MIN_VALUE).max(hi).reduceLanes(VectorOperators.MAX));
            nextLo = Math.min(nextLo, IntVector.broadcast(I, Integer.MAX_VALUE).min(lo).reduceLanes(VectorOperators.MIN));
            nextTop = Math.max(nextTop, IntVector.broadcast(I, Integer.MIN_VALUE).max(top)
                    .reduceLanes(VectorOperators.MAX));
        }
        // As ints, non-negative floats order like their bits and negative ones in reverse: the largest bits are the
        // max when a lane holds a value ≥ +0 (or +NaN), else the smallest bits are. A NaN that this misses makes
        // its own exp, and so the row's sum and every output, NaN, as Math.max would have.
        // With the sign bit flipped, top is the largest of the bits taken unsigned: the negative value of largest
        // magnitude when there is one (the min), else the largest; then the smallest bits are the min. Only the
        // whole vectors count: the exps past them are always computed with the range test (see longRow).
        float nextRowMax = bound == 0 ? Float.NEGATIVE_INFINITY : Float.intBitsToFloat(nextHi >= 0 ? nextHi : nextLo);
        int unsignedTop = nextTop ^ Integer.MIN_VALUE;
        float nextRowMin = bound == 0 ? Float.POSITIVE_INFINITY
                : Float.intBitsToFloat(unsignedTop < 0 ? unsignedTop : nextLo);
        for (; i < cols; i++) {
            nextRowMax = Math.max(nextRowMax, x[nextOff + i]);
            float e = tailExps[i - bound];
            y[yOff + i] = log ? x[xOff + i] - max : e;
            total += e;
        }
        lanes[0] = nextRowMax;
        lanes[1] = nextRowMin;
        return total;
    }

    private static void scale(float[] y, int off, int cols, float factor) {
        int i = 0;
        for (int bound = S.loopBound(cols); i < bound; i += L) {
            FloatVector.fromArray(S, y, off + i).mul(factor).intoArray(y, off + i);
        }
        for (; i < cols; i++) {
            y[off + i] *= factor;
        }
    }

    /**
     * y = y − logSum over y = x − max: (x − max) − logSum, in this order (PyTorch #11752: adding max + logSum
     * first loses the differences).
     */
    private static void subtract(float[] y, int off, int cols, float logSum) {
        int i = 0;
        for (int bound = S.loopBound(cols); i < bound; i += L) {
            FloatVector.fromArray(S, y, off + i).sub(logSum).intoArray(y, off + i);
        }
        for (; i < cols; i++) {
            y[off + i] -= logSum;
        }
    }
}
