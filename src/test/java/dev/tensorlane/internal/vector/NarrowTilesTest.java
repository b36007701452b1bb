package dev.tensorlane.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.internal.KernelsProvider;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two narrow tiles, one chosen per CPU vendor, must give the same bits: every lane is the same FMA chain over
 * p. The half-vector tile runs only on AVX-512 from JDK 25 on (on JDK 17 a second vector size in one JVM stops C2
 * from compiling the Vector API in other kernels), so only there is it compared.
 */
class NarrowTilesTest {

    @Test
    void halfVectorAndFullVectorNarrowTilesGiveTheSameBits() {
        assumeTrue(KernelsProvider.vector().isPresent(), "Vector API not available in this run");
        assumeTrue(VectorConstants.HALF.length() < VectorConstants.LANES && Runtime.version().feature() >= 25,
                "half-vector tiles run on AVX-512 from JDK 25 on");
        int lanes = VectorConstants.LANES;
        SplittableRandom random = new SplittableRandom(11);
        for (int k : new int[] {1, 7, 64, 130}) {
            int lda = k + 3;
            float[] a = new float[8 * lda + 5];
            float[] wt = new float[k * lanes];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < wt.length; i++) {
                wt[i] = (float) random.nextGaussian();
            }
            float[] full = new float[8 * lanes], halves = new float[8 * lanes];
            VectorGemm.narrow8x1(k, a, 2, lda, 1, wt, full);
            VectorGemm.narrow8x2h(k, a, 2, lda, 1, wt, halves);
            for (int i = 0; i < full.length; i++) {
                assertEquals(Float.floatToRawIntBits(full[i]), Float.floatToRawIntBits(halves[i]),
                        "k=" + k + ", element " + i);
            }
        }
    }
}
