package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.Activation;
import dev.tensorlane.Reference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: the vector and scalar backends, side by side in one JVM, on the same inputs. Runs where
 * the Vector API is available (the vector runs of the build); the scalar run checks the scalar backend through
 * the public API instead.
 */
class BackendAgreementTest {

    private Kernels vector;
    private final Kernels scalar = KernelsProvider.scalar();

    @BeforeEach
    void vectorBackend() {
        vector = KernelsProvider.vector().orElse(null);
        assumeTrue(vector != null, "Vector API not available in this run");
    }

    static float[] values(long seed, int n, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    @Test
    void expAgreesWithinOneUlpOfEachOther() {
        for (int n : new int[] {1, 15, 16, 17, 1000, 4097}) {
            float[] x = values(n, n, 40);
            float[] v = new float[n], s = new float[n];
            vector.exp(x, 0, v, 0, n);
            scalar.exp(x, 0, s, 0, n);
            for (int i = 0; i < n; i++) {
                if (s[i] >= Float.MIN_NORMAL) {
                    assertTrue(Reference.ulps(v[i], s[i]) <= 2, "x=" + x[i] + " vector " + v[i] + " scalar " + s[i]);
                }
            }
        }
    }

    @Test
    void sigmoidAndReluAgree() {
        int n = 3001;
        float[] x = values(5, n, 30);
        float[] v = new float[n], s = new float[n];
        vector.sigmoid(x, 0, v, 0, n);
        scalar.sigmoid(x, 0, s, 0, n);
        for (int i = 0; i < n; i++) {
            assertTrue(Reference.ulps(v[i], s[i]) <= 4 || Math.abs(v[i] - s[i]) < Float.MIN_NORMAL, "x=" + x[i]);
        }
        vector.relu(x, 0, v, 0, n);
        scalar.relu(x, 0, s, 0, n);
        assertArrayEquals(s, v);
    }

    /** Both backward passes are the same float operations in the same order on both backends: same bits. */
    @Test
    void backwardPassesAreBitIdentical() {
        int n = 3001;
        float[] y = values(6, n, 1), dy = values(7, n, 3);
        for (int i = 0; i < n; i++) {
            y[i] = Math.abs(y[i]) % 1f * (i % 5 == 0 ? -1 : 1);
        }
        y[3] = Float.NaN;
        y[10] = -0f;
        float[] v = new float[n], s = new float[n];
        for (int from : new int[] {0, 1, 7}) {
            vector.reluBackward(y, from, dy, from, v, from, n - from);
            scalar.reluBackward(y, from, dy, from, s, from, n - from);
            assertArrayEquals(s, v, "relu, from " + from);
            vector.sigmoidBackward(y, from, dy, from, v, from, n - from);
            scalar.sigmoidBackward(y, from, dy, from, s, from, n - from);
            assertArrayEquals(s, v, "sigmoid, from " + from);
        }
    }

    @Test
    void softmaxAndLogSoftmaxAgree() {
        for (int cols : new int[] {1, 10, 16, 33, 1000}) {
            int rows = 17;
            float[] x = values(cols, rows * cols, 6);
            float[] v = new float[x.length], s = new float[x.length];
            vector.softmax(rows, cols, x, 0, cols, v, 0, cols);
            scalar.softmax(rows, cols, x, 0, cols, s, 0, cols);
            for (int i = 0; i < x.length; i++) {
                assertEquals(s[i], v[i], 8 * Math.ulp(s[i]) + 1e-30, "softmax cols=" + cols + " i=" + i);
            }
            vector.logSoftmax(rows, cols, x, 0, cols, v, 0, cols);
            scalar.logSoftmax(rows, cols, x, 0, cols, s, 0, cols);
            for (int i = 0; i < x.length; i++) {
                assertEquals(s[i], v[i], (4 + Math.abs(s[i]) + Math.log(cols)) * Reference.EPS,
                        "logSoftmax cols=" + cols + " i=" + i);
            }
        }
    }

    @Test
    void gemmAgreesWithinTheBound() {
        int m = 19, n = 45, k = 300;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            float[] a = values(t, m * k, 1), b = values(t + 10, k * n, 1), bias = values(t + 20, n, 1);
            for (Activation act : Activation.values()) {
                float[] cv = new float[m * n], cs = new float[m * n];
                vector.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, cv, 0, n, bias, 0, act, m);
                scalar.gemm(ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, 0f, cs, 0, n, bias, 0, act, m);
                for (int i = 0; i < m * n; i++) {
                    // Both within k·2⁻²³·Σ|a||b| ≤ k²·2⁻²³ of the exact value, so within twice that of each other.
                    assertEquals(cs[i], cv[i], 2 * k * k * Reference.EPS, act + " tA=" + ta + " tB=" + tb);
                }
            }
        }
    }
}
