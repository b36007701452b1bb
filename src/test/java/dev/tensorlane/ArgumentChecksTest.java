package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets the standard exception, a message naming the argument and its values, and an untouched output. */
class ArgumentChecksTest {

    private static final float SENTINEL = 12345f;

    private static float[] sentinel(int n) {
        float[] v = new float[n];
        Arrays.fill(v, SENTINEL);
        return v;
    }

    private static <T extends Throwable> void assertRefused(Class<T> type, String fragment, float[] output,
                                                            Executable call) {
        float[] before = output.clone();
        T e = assertThrows(type, call);
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertArrayEquals(before, output, "output changed by a refused call");
    }

    @Test
    void gemmLeadingDimensionTooSmallNamesItAndTheShape() {
        float[] c = sentinel(64);
        assertRefused(IllegalArgumentException.class, "lda=5 < k=8 for A (m=3, n=2, k=8, transA=false", c,
                () -> Gemm.gemm(false, false, 3, 2, 8, 1f, new float[64], 0, 5, new float[64], 0, 2, 0f, c, 0, 2));
        assertRefused(IllegalArgumentException.class, "lda=2 < m=3", c,
                () -> Gemm.gemm(true, false, 3, 2, 8, 1f, new float[64], 0, 2, new float[64], 0, 2, 0f, c, 0, 2));
        assertRefused(IllegalArgumentException.class, "ldb=7 < k=8", c,
                () -> Gemm.gemm(false, true, 3, 2, 8, 1f, new float[64], 0, 8, new float[64], 0, 7, 0f, c, 0, 2));
        assertRefused(IllegalArgumentException.class, "ldc=1 < n=2", c,
                () -> Gemm.gemm(false, false, 3, 2, 8, 1f, new float[64], 0, 8, new float[64], 0, 2, 0f, c, 0, 1));
    }

    @Test
    void gemmNegativeSizes() {
        float[] c = sentinel(4);
        assertRefused(IllegalArgumentException.class, "m=-1", c,
                () -> Gemm.gemm(false, false, -1, 2, 2, 1f, new float[4], 0, 2, new float[4], 0, 2, 0f, c, 0, 2));
        assertRefused(IllegalArgumentException.class, "k=-3", c,
                () -> Gemm.gemm(false, false, 1, 2, -3, 1f, new float[4], 0, 2, new float[4], 0, 2, 0f, c, 0, 2));
    }

    @Test
    void gemmNullArraysNameTheArgument() {
        float[] c = sentinel(4);
        assertRefused(NullPointerException.class, "a must not be null", c,
                () -> Gemm.gemm(false, false, 2, 2, 2, 1f, null, 0, 2, new float[4], 0, 2, 0f, c, 0, 2));
        assertRefused(NullPointerException.class, "b must not be null", c,
                () -> Gemm.gemm(false, false, 2, 2, 2, 1f, new float[4], 0, 2, null, 0, 2, 0f, c, 0, 2));
        assertThrows(NullPointerException.class,
                () -> Gemm.gemm(false, false, 2, 2, 2, 1f, new float[4], 0, 2, new float[4], 0, 2, 0f, null, 0, 2));
    }

    @Test
    void gemmOperandsOutsideTheirArrays() {
        float[] c = sentinel(6);
        assertRefused(IndexOutOfBoundsException.class, "a.length=5", c,
                () -> Gemm.gemm(false, false, 2, 3, 3, 1f, new float[5], 0, 3, new float[9], 0, 3, 0f, c, 0, 3));
        assertRefused(IndexOutOfBoundsException.class, "c.length=6", c,
                () -> Gemm.gemm(false, false, 2, 3, 3, 1f, new float[6], 0, 3, new float[9], 0, 3, 0f, c, 1, 3));
        assertRefused(IndexOutOfBoundsException.class, "offset aOff=-1", c,
                () -> Gemm.gemm(false, false, 2, 3, 3, 1f, new float[6], -1, 3, new float[9], 0, 3, 0f, c, 0, 3));
    }

    @Test
    void sizesThatOverflowIntAreRefusedNotWrapped() {
        float[] c = sentinel(4);
        // (m-1)·ldc overflows int: must be an IndexOutOfBoundsException, never a negative index.
        assertRefused(IndexOutOfBoundsException.class, "c.length=4", c,
                () -> Gemm.gemm(false, false, 70_000, 1, 1, 1f, new float[70_000], 0, 1, new float[1], 0, 1,
                        0f, c, 0, 70_000));
        float[] y = sentinel(4);
        assertRefused(IndexOutOfBoundsException.class, "y.length=4", y,
                () -> Softmax.softmax(2, 4, new float[8], 0, 4, y, 0, Integer.MAX_VALUE));
        assertRefused(IndexOutOfBoundsException.class, "x[2147483000..", y,
                () -> Activations.exp(new float[4], 2_147_483_000, y, 0, 1000));
    }

    @Test
    void gemmOutputMayNotAliasAnInput() {
        float[] shared = sentinel(32);
        assertRefused(IllegalArgumentException.class, "overlaps a", shared,
                () -> Gemm.gemm(false, false, 2, 2, 2, 1f, shared, 0, 2, new float[4], 0, 2, 0f, shared, 2, 2));
        // Disjoint parts of one array are fine.
        float[] ok = new float[12];
        ok[0] = 1; ok[3] = 1; ok[4] = 2; ok[7] = 2;
        Gemm.gemm(false, false, 2, 2, 2, 1f, ok, 0, 2, ok, 4, 2, 0f, ok, 8, 2);
        assertArrayEquals(new float[] {2, 0, 0, 2}, Arrays.copyOfRange(ok, 8, 12));
    }

    @Test
    void fusedLinearChecksBiasAndActivation() {
        float[] y = sentinel(6);
        assertRefused(IndexOutOfBoundsException.class, "bias", y,
                () -> FusedLinear.linear(2, 3, 2, new float[4], 0, 2, new float[6], 0, 2, new float[2], 0,
                        Activation.RELU, y, 0, 3));
        assertRefused(NullPointerException.class, "act", y,
                () -> FusedLinear.linear(2, 3, 2, new float[4], 0, 2, new float[6], 0, 2, null, 0, null, y, 0, 3));
        assertRefused(IllegalArgumentException.class, "ldb=2 < k=3", y,
                () -> FusedLinear.linear(2, 3, 3, new float[6], 0, 3, new float[9], 0, 2, null, 0,
                        Activation.IDENTITY, y, 0, 3));
    }

    @Test
    void softmaxChecks() {
        float[] y = sentinel(8);
        assertRefused(IllegalArgumentException.class, "ldx=3 < cols=4", y,
                () -> Softmax.softmax(2, 4, new float[8], 0, 3, y, 0, 4));
        assertRefused(IllegalArgumentException.class, "rows=-2", y,
                () -> Softmax.logSoftmax(-2, 4, new float[8], 0, 4, y, 0, 4));
        assertRefused(NullPointerException.class, "x must not be null", y,
                () -> Softmax.softmax(2, 4, null, 0, 4, y, 0, 4));
        // Partial overlap is refused; exact in-place is allowed.
        assertRefused(IllegalArgumentException.class, "overlaps x", y,
                () -> Softmax.softmax(1, 4, y, 0, 4, y, 2, 4));
    }

    @Test
    void elementwiseChecks() {
        float[] y = sentinel(4);
        assertRefused(IllegalArgumentException.class, "length=-1", y, () -> Activations.exp(new float[4], 0, y, 0, -1));
        assertRefused(IndexOutOfBoundsException.class, "y.length=4", y,
                () -> Activations.sigmoid(new float[8], 0, y, 1, 4));
        assertRefused(IllegalArgumentException.class, "overlaps x", y, () -> Activations.relu(y, 0, y, 1, 3));
        assertRefused(NullPointerException.class, "x must not be null", y, () -> Activations.relu(null));
    }

    @Test
    void backwardChecks() {
        float[] dx = sentinel(8);
        float[] ok = new float[8];
        assertRefused(NullPointerException.class, "dy must not be null", dx,
                () -> Activations.reluBackward(ok, 0, null, 0, dx, 0, 8));
        assertRefused(IndexOutOfBoundsException.class, "y[2..10) is outside y.length=8", dx,
                () -> Activations.sigmoidBackward(ok, 2, ok, 0, dx, 0, 8));
        assertRefused(IndexOutOfBoundsException.class, "dx[1..9)", dx,
                () -> Activations.reluBackward(ok, 0, new float[8], 0, dx, 1, 8));
        assertRefused(IllegalArgumentException.class, "dx[1..5) overlaps dy[0..4)", dx,
                () -> Activations.reluBackward(ok, 0, dx, 0, dx, 1, 4));
        assertRefused(IllegalArgumentException.class, "dx[0..4) overlaps y[2..6)", dx,
                () -> Activations.sigmoidBackward(dx, 2, ok, 0, dx, 0, 4));
    }
}
