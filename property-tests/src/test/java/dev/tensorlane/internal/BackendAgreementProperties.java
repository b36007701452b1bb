package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Reference;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The vector and scalar backends agree within the contract on arbitrary inputs (vector runs only). */
class BackendAgreementProperties {

    private static final Optional<Kernels> VECTOR = KernelsProvider.vector();
    private static final Kernels SCALAR = KernelsProvider.scalar();

    @Property(tries = 200)
    void vectorAndScalarExpAgreeWithinTwoUlp(@ForAll @IntRange(min = 0, max = 3000) int n,
                                             @ForAll @DoubleRange(min = 0.01, max = 100) double scale,
                                             @ForAll long seed) {
        if (VECTOR.isEmpty()) {
            return;
        }
        float[] x = BackendAgreementTest.values(seed, n, scale);
        float[] v = new float[n], s = new float[n];
        VECTOR.get().exp(x, 0, v, 0, n);
        SCALAR.exp(x, 0, s, 0, n);
        for (int i = 0; i < n; i++) {
            if (s[i] >= Float.MIN_NORMAL && s[i] <= Float.MAX_VALUE) {
                assertTrue(Reference.ulps(v[i], s[i]) <= 2, "x=" + x[i]);
            } else {
                assertEquals(s[i] == 0, v[i] < Float.MIN_NORMAL, "x=" + x[i]);
            }
        }
    }

    @Property(tries = 200)
    void vectorAndScalarSoftmaxAgree(@ForAll @IntRange(min = 1, max = 8) int rows,
                                     @ForAll @IntRange(min = 1, max = 2000) int cols,
                                     @ForAll @DoubleRange(min = 0.01, max = 50) double scale,
                                     @ForAll long seed) {
        if (VECTOR.isEmpty()) {
            return;
        }
        float[] x = BackendAgreementTest.values(seed, rows * cols, scale);
        float[] v = new float[x.length], s = new float[x.length];
        VECTOR.get().softmax(rows, cols, x, 0, cols, v, 0, cols);
        SCALAR.softmax(rows, cols, x, 0, cols, s, 0, cols);
        for (int i = 0; i < x.length; i++) {
            if (s[i] >= Float.MIN_NORMAL) {
                float max = Float.NEGATIVE_INFINITY;
                int r = i / cols;
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, x[r * cols + j]);
                }
                assertEquals(s[i], v[i], 2 * Reference.softmaxBound(x[i], max) * s[i], "i=" + i);
            }
        }
    }
}
