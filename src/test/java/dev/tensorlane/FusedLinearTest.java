package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FusedLinearTest {

    /** Checks Y = act(X·op(W) + bias) against the double reference, for either weight layout. */
    static void check(boolean nnLinear, int m, int n, int k, Activation act, boolean withBias, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int ldx = k + 1, ldw = (nnLinear ? k : n) + 2, ldy = n + 3;
        float[] x = GemmTest.random(random, m * ldx + 1);
        float[] w = GemmTest.random(random, (nnLinear ? n : k) * ldw + 1);
        float[] bias = withBias ? GemmTest.random(random, n + 2) : null;
        float[] y = new float[m * ldy + 1];
        java.util.Arrays.fill(y, Float.NaN);
        if (nnLinear) {
            FusedLinear.linear(m, n, k, x, 1, ldx, w, 0, ldw, bias, 2, act, y, 0, ldy);
        } else {
            FusedLinear.matmulBias(m, n, k, x, 1, ldx, w, 0, ldw, bias, 2, act, y, 0, ldy);
        }
        Reference.GemmResult ref = Reference.gemm(false, nnLinear, m, n, k, 1f, x, 1, ldx, w, 0, ldw,
                0f, null, 0, 0, bias, 2);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double pre = ref.value[i * n + j];
                double bound = ref.bound[i * n + j];
                double exact;
                switch (act) {
                    case RELU -> exact = Math.max(pre, 0);
                    case SIGMOID -> {
                        exact = Reference.sigmoid(pre);
                        bound = bound / 4 + 4 * Math.ulp((float) exact);
                    }
                    default -> exact = pre;
                }
                float got = y[i * ldy + j];
                assertTrue(Math.abs(got - exact) <= bound, String.format("%s m=%d n=%d k=%d %s: Y[%d,%d]=%s exact %s",
                        nnLinear ? "linear" : "matmulBias", m, n, k, act, i, j, got, exact));
            }
            for (int j = n; j < ldy && i * ldy + j < y.length; j++) {
                assertTrue(Float.isNaN(y[i * ldy + j]), "gap written");
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "1,10,784", "3,17,5", "4,32,33", "5,33,64", "64,128,784", "64,10,64", "7,256,300", "2,15,0",
        "17,70,300", "33,1025,257", "20,38,520", // these three take the cache-blocked path, with edges
        "600,40,300", // sigmoid runs after the product, 256 rows at a time: three blocks
        "2,128,784", "3,130,784", "3,64,128", "6,41,784"}) // two or three rows: one tile over W or B for all of them
    void everyLayoutActivationAndBias(int m, int n, int k) {
        long seed = m * 1000L + n * 10L + k;
        for (Activation act : Activation.values()) {
            for (boolean nnLinear : new boolean[] {true, false}) {
                check(nnLinear, m, n, k, act, true, seed);
                check(nnLinear, m, n, k, act, false, seed + 1);
            }
        }
    }

    /**
     * Sigmoid is applied a block of 256 rows at a time after the product; the blocks leave no trace in the bits:
     * the same as the whole product followed by a sigmoid over each row. (Not the product row by row: deep X·Wᵀ
     * rounds by the product's rows, see ParallelTest.)
     */
    @Test
    void sigmoidOverManyRowsGivesTheBitsOfOneSigmoidAfterTheProduct() {
        SplittableRandom random = new SplittableRandom(12);
        int m = 600, n = 40, k = 300;
        float[] x = GemmTest.random(random, m * k), w = GemmTest.random(random, n * k), bias = GemmTest.random(random, n);
        float[] whole = new float[m * n], separate = new float[m * n];
        FusedLinear.linear(m, n, k, x, 0, k, w, 0, k, bias, 0, Activation.SIGMOID, whole, 0, n);
        FusedLinear.linear(m, n, k, x, 0, k, w, 0, k, bias, 0, Activation.IDENTITY, separate, 0, n);
        for (int i = 0; i < m; i++) {
            Activations.sigmoid(separate, i * n, separate, i * n, n);
        }
        assertArrayEquals(separate, whole);
    }
}
