package dev.tensorlane.internal;

/**
 * Argument checks shared by the public facades. Every check runs before any memory is touched, uses
 * {@code long} arithmetic so that sizes cannot overflow, and names the argument and its values.
 */
public final class Checks {
    private Checks() {}

    public static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + "=" + value + " must be >= 0");
        }
    }

    /**
     * A branch, not {@code Objects.requireNonNull} with a message supplier: the capturing lambda was allocated on
     * every call until C2 had inlined its caller (16 bytes a call, 48 per training step for tens of seconds on
     * JDK 25, seen by JFR with TLABs off).
     */
    public static void notNull(Object array, String name) {
        if (array == null) {
            throw new NullPointerException(name + " must not be null");
        }
    }

    /**
     * True when a row-major block is valid: non-null array, {@code ld >= max(1, cols)}, inside the array. The
     * allocation-free fast path of the facades; they build messages only when this says no.
     */
    public static boolean fits(float[] array, int off, int ld, int rows, int cols) {
        if (array == null || rows < 0 || cols < 0 || ld < Math.max(1, cols) || off < 0) {
            return false;
        }
        long end = rows == 0 || cols == 0 ? off : (long) off + (long) (rows - 1) * ld + cols;
        return end <= array.length;
    }

    /**
     * Checks a row-major block of {@code rows × cols} starting at {@code off} with row stride {@code ld}.
     * {@code what} describes the operand for the message, e.g. {@code "A (m=3, k=8, transA=false)"}.
     */
    public static void matrix(float[] array, String name, int off, String ldName, int ld,
                              int rows, int cols, String colsName, String what) {
        notNull(array, name);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(ldName + "=" + ld + " < " + colsName + "=" + cols + " for " + what);
        }
        if (off < 0) {
            throw new IndexOutOfBoundsException("offset " + name + "Off=" + off + " < 0 for " + what);
        }
        long end = rows == 0 || cols == 0 ? off : (long) off + (long) (rows - 1) * ld + cols;
        if (end > array.length) {
            throw new IndexOutOfBoundsException(what + " needs " + name + "[" + off + ".." + end
                    + ") (offset " + off + ", " + ldName + "=" + ld + ", " + rows + "x" + cols
                    + ") but " + name + ".length=" + array.length);
        }
    }

    /** Checks {@code array[off .. off+length)}. */
    public static void range(float[] array, String name, int off, int length) {
        notNull(array, name);
        nonNegative("length", length);
        if (off < 0 || (long) off + length > array.length) {
            throw new IndexOutOfBoundsException(name + "[" + off + ".." + ((long) off + length) + ") is outside "
                    + name + ".length=" + array.length + " (offset " + off + ", length " + length + ")");
        }
    }

    /** The half-open index span {@code [first, end)} touched by a row-major block; empty blocks span nothing. */
    static long[] span(int off, int ld, int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return new long[] {off, off};
        }
        return new long[] {off, (long) off + (long) (rows - 1) * ld + cols};
    }

    /**
     * Refuses an output block that shares memory with an input block. Overlap is judged on the index spans,
     * which is conservative for strided blocks that interleave without touching: use separate arrays there.
     */
    public static void noOverlap(float[] out, String outName, int outOff, int outLd, int outRows, int outCols,
                                 float[] in, String inName, int inOff, int inLd, int inRows, int inCols) {
        if (out != in) {
            return;
        }
        long[] o = span(outOff, outLd, outRows, outCols);
        long[] i = span(inOff, inLd, inRows, inCols);
        if (o[0] < o[1] && i[0] < i[1] && o[0] < i[1] && i[0] < o[1]) {
            throw new IllegalArgumentException(outName + "[" + o[0] + ".." + o[1] + ") overlaps " + inName
                    + "[" + i[0] + ".." + i[1] + ") in the same array; the output must not alias this input");
        }
    }

    /**
     * For kernels that allow in-place use: the output is either exactly the input (same array, offset and
     * stride) or does not overlap it.
     */
    public static void inPlaceOrDisjoint(float[] out, String outName, int outOff, int outLd,
                                         float[] in, String inName, int inOff, int inLd, int rows, int cols) {
        if (out == in && outOff == inOff && (outLd == inLd || rows <= 1)) {
            return;
        }
        noOverlap(out, outName, outOff, outLd, rows, cols, in, inName, inOff, inLd, rows, cols);
    }
}
