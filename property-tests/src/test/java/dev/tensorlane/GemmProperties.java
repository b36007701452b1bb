package dev.tensorlane;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class GemmProperties {

    @Property(tries = 300)
    void gemmIsWithinTheErrorBoundForAnyShapeTransposeOffsetAndStride(
            @ForAll @IntRange(min = 0, max = 40) int m,
            @ForAll @IntRange(min = 0, max = 80) int n,
            @ForAll @IntRange(min = 0, max = 300) int k,
            @ForAll boolean transA, @ForAll boolean transB,
            @ForAll @IntRange(min = 0, max = 5) int pad,
            @ForAll("alphaBeta") float alpha, @ForAll("alphaBeta") float beta,
            @ForAll long seed) {
        GemmTest.check(transA, transB, m, n, k, alpha, beta, pad, seed);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Float> alphaBeta() {
        return net.jqwik.api.Arbitraries.oneOf(net.jqwik.api.Arbitraries.of(0f, 1f, -1f),
                net.jqwik.api.Arbitraries.floats().between(-3f, 3f));
    }

    @Property(tries = 200)
    void fusedLinearIsWithinTheErrorBoundForBothLayouts(
            @ForAll @IntRange(min = 1, max = 70) int m,
            @ForAll @IntRange(min = 1, max = 140) int n,
            @ForAll @IntRange(min = 0, max = 800) int k,
            @ForAll Activation act, @ForAll boolean nnLinear, @ForAll boolean withBias,
            @ForAll long seed) {
        FusedLinearTest.check(nnLinear, m, n, k, act, withBias, seed);
    }
}
