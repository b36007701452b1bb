package dev.tensorlane.internal.vector;

import dev.tensorlane.internal.scalar.ScalarExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax and log-softmax, max-shifted.
 *
 * <p>Long rows: three vector passes per row (max; exp and sum; scale). The sum is taken per vector lane over
 * blocks of {@value #SUM_BLOCK} vectors and then added in double, so the rounding of the sum grows with the block
 * length, not the row length: rows of 10^6 still sum to 1 within 1e-6.
 *
 * <p>Short rows (fewer than two vectors, e.g. the 10 classes of MNIST): a per-row vector loop would be almost
 * all scalar tail, so the row maxima are taken first and the exp pass runs over a whole chunk of rows at once
 * with full vectors. Chunks are sized to stay in L1 between the passes.
 */
final class VectorSoftmax {
    private VectorSoftmax() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;
    private static final int L = S.length();
    private static final int SUM_BLOCK = 64;
    private static final int SHORT_ROW = 2 * L;
    /** Floats per chunk in the short-row path: 16 KB, half of a typical L1d. */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[CHUNK]);

    static void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (cols < SHORT_ROW && ldy == cols) {
            softmaxShortRows(rows, cols, x, xOff, ldx, y, yOff);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * ldx;
            int yr = yOff + r * ldy;
            float max = max(x, xr, cols);
            double sum = expShifted(x, xr, y, yr, cols, max);
            scale(y, yr, cols, (float) (1.0 / sum));
        }
    }

    static void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        if (rows == 0 || cols == 0) {
            return;
        }
        if (cols < SHORT_ROW && ldy == cols) {
            logSoftmaxShortRows(rows, cols, x, xOff, ldx, y, yOff);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * ldx;
            int yr = yOff + r * ldy;
            float max = max(x, xr, cols);
            float logSum = (float) Math.log(expShifted(x, xr, null, 0, cols, max));
            subtractShifted(x, xr, y, yr, cols, max, logSum);
        }
    }

    private static void softmaxShortRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff) {
        int chunkRows = Math.max(1, CHUNK / cols);
        for (int r0 = 0; r0 < rows; r0 += chunkRows) {
            int nr = Math.min(chunkRows, rows - r0);
            int base = yOff + r0 * cols;
            shiftRows(nr, cols, x, xOff + r0 * ldx, ldx, y, base);
            VectorExp.exp(y, base, y, base, nr * cols);
            for (int r = 0; r < nr; r++) {
                int yr = base + r * cols;
                float sum = 0f;
                for (int j = 0; j < cols; j++) {
                    sum += y[yr + j];
                }
                float inv = 1f / sum;
                for (int j = 0; j < cols; j++) {
                    y[yr + j] *= inv;
                }
            }
        }
    }

    private static void logSoftmaxShortRows(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff) {
        float[] e = SCRATCH.get();
        int chunkRows = Math.max(1, CHUNK / cols);
        for (int r0 = 0; r0 < rows; r0 += chunkRows) {
            int nr = Math.min(chunkRows, rows - r0);
            int base = yOff + r0 * cols;
            shiftRows(nr, cols, x, xOff + r0 * ldx, ldx, y, base);
            VectorExp.exp(y, base, e, 0, nr * cols);
            for (int r = 0; r < nr; r++) {
                int yr = base + r * cols;
                float sum = 0f;
                for (int j = 0; j < cols; j++) {
                    sum += e[r * cols + j];
                }
                float logSum = (float) Math.log(sum);
                for (int j = 0; j < cols; j++) {
                    y[yr + j] -= logSum;
                }
            }
        }
    }

    /** y = x − rowmax(x) for nr rows, y contiguous. Reads a whole row before writing it, so x == y is fine. */
    private static void shiftRows(int nr, int cols, float[] x, int xOff, int ldx, float[] y, int yOff) {
        for (int r = 0; r < nr; r++) {
            int xr = xOff + r * ldx;
            int yr = yOff + r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[xr + j]);
            }
            for (int j = 0; j < cols; j++) {
                y[yr + j] = x[xr + j] - max;
            }
        }
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

    /** Σ exp(x − max) in double over blocks of lane sums; also stores the exps in y unless y is null. */
    private static double expShifted(float[] x, int xOff, float[] y, int yOff, int cols, float max) {
        double total = 0;
        int i = 0;
        int bound = S.loopBound(cols);
        while (i < bound) {
            int blockEnd = Math.min(bound, i + SUM_BLOCK * L);
            FloatVector acc = FloatVector.zero(S);
            for (; i < blockEnd; i += L) {
                FloatVector e = VectorExp.exp(FloatVector.fromArray(S, x, xOff + i).sub(max));
                if (y != null) {
                    e.intoArray(y, yOff + i);
                }
                acc = acc.add(e);
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < cols; i++) {
            float e = ScalarExp.exp(x[xOff + i] - max);
            if (y != null) {
                y[yOff + i] = e;
            }
            total += e;
        }
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

    /** y = (x − max) − logSum, in this order (PyTorch #11752: adding max + logSum first loses the differences). */
    private static void subtractShifted(float[] x, int xOff, float[] y, int yOff, int cols, float max, float logSum) {
        int i = 0;
        for (int bound = S.loopBound(cols); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).sub(max).sub(logSum).intoArray(y, yOff + i);
        }
        for (; i < cols; i++) {
            y[yOff + i] = (x[xOff + i] - max) - logSum;
        }
    }
}
