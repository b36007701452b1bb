package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.*;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SoftmaxProperties {

    @Provide
    Arbitrary<Rows.Spec> finiteRows() {
        return Rows.specs(10_000, true);
    }

    @Provide
    Arbitrary<Rows.Spec> rowsWithNegativeInfinity() {
        return Rows.specs(10_000, false);
    }

    @Provide
    Arbitrary<Rows.Spec> longRows() {
        return Rows.specs(10_000, true).flatMap(s -> Arbitraries.integers().between(10_000, 1_000_000)
                .map(cols -> new Rows.Spec(1, cols, s.kind(), s.scale(), s.seed())));
    }

    @Property(tries = 400)
    void everySoftmaxRowSumsToOne(@ForAll("rowsWithNegativeInfinity") Rows.Spec spec) {
        float[] x = spec.build();
        float[] y = new float[x.length];
        Softmax.softmax(spec.rows(), spec.cols(), x, y);
        for (int r = 0; r < spec.rows(); r++) {
            double sum = 0;
            for (int j = 0; j < spec.cols(); j++) {
                float v = y[r * spec.cols() + j];
                assertTrue(v >= 0f && v <= 1f, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5, spec + " row " + r);
        }
    }

    @Property(tries = 15)
    void everyLongSoftmaxRowSumsToOne(@ForAll("longRows") Rows.Spec spec) {
        everySoftmaxRowSumsToOne(spec);
    }

    @Property(tries = 300)
    void softmaxIsWithinTheRelativeErrorContract(@ForAll("finiteRows") Rows.Spec spec) {
        float[] x = spec.build();
        float[] y = new float[x.length];
        Softmax.softmax(spec.rows(), spec.cols(), x, y);
        SoftmaxTest.assertSoftmaxWithinContract(x, 0, spec.cols(), y, 0, spec.cols(), spec.rows(), spec.cols());
    }

    /** x + c is exact when x is a multiple of 1/64 below 2^10 and c an integer below 2^10: then x − max is too. */
    @Property(tries = 300)
    void softmaxIsInvariantUnderExactShifts(@ForAll("finiteRows") Rows.Spec spec,
                                           @ForAll @net.jqwik.api.constraints.IntRange(min = -1000, max = 1000) int c) {
        float[] x = spec.build();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.round(Math.max(-500f, Math.min(500f, x[i])) * 64f) / 64f;
        }
        float[] shifted = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            shifted[i] = x[i] + c;
        }
        float[] y = new float[x.length];
        float[] ys = new float[x.length];
        Softmax.softmax(spec.rows(), spec.cols(), x, y);
        Softmax.softmax(spec.rows(), spec.cols(), shifted, ys);
        assertArrayEquals(y, ys);
    }

    @Property(tries = 300)
    void logSoftmaxIsWithinTheAbsoluteErrorContract(@ForAll("finiteRows") Rows.Spec spec) {
        float[] x = spec.build();
        float[] y = new float[x.length];
        Softmax.logSoftmax(spec.rows(), spec.cols(), x, y);
        LogSoftmaxTest.assertLogSoftmaxWithinContract(x, 0, spec.cols(), y, 0, spec.cols(), spec.rows(), spec.cols());
    }

    @Property(tries = 300)
    void logSoftmaxAgreesWithLogOfSoftmaxWhereSoftmaxIsNormal(@ForAll("finiteRows") Rows.Spec spec) {
        float[] x = spec.build();
        float[] p = new float[x.length];
        float[] logp = new float[x.length];
        Softmax.softmax(spec.rows(), spec.cols(), x, p);
        Softmax.logSoftmax(spec.rows(), spec.cols(), x, logp);
        for (int r = 0; r < spec.rows(); r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < spec.cols(); j++) {
                max = Math.max(max, x[r * spec.cols() + j]);
            }
            for (int j = 0; j < spec.cols(); j++) {
                int i = r * spec.cols() + j;
                if (p[i] >= Float.MIN_NORMAL) {
                    // log turns softmax's relative error into an absolute one; add both bounds.
                    double bound = Reference.logSoftmaxBound(x[i], max, spec.cols()) + Reference.softmaxBound(x[i], max)
                            + Math.abs(Math.log(p[i])) * Reference.EPS;
                    assertEquals(Math.log(p[i]), logp[i], bound, spec + " at " + i);
                }
            }
        }
    }
}
