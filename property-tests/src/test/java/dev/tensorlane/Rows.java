package dev.tensorlane;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of softmax inputs. A row is described by its shape, the kind of values and a seed, and built from
 * them: jqwik shrinks the description (shorter rows, milder kinds) and the arrays stay cheap to make even at
 * 10^6 columns.
 */
final class Rows {
    private Rows() {}

    enum Kind {
        /** Gaussian with a scale from 1e-3 to 1e4. */
        GAUSSIAN,
        /** Many exact ties. */
        TIES,
        /** Magnitudes up to ±1e30 and the extremes of float. */
        EXTREME,
        /** −Infinity entries, at least one finite entry. */
        NEG_INFINITY,
        /** One value far above the rest. */
        ONE_HUGE
    }

    record Spec(int rows, int cols, Kind kind, double scale, long seed) {
        float[] build() {
            SplittableRandom random = new SplittableRandom(seed);
            float[] x = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int j = 0; j < cols; j++) {
                    x[base + j] = switch (kind) {
                        case GAUSSIAN -> (float) (random.nextGaussian() * scale);
                        case TIES -> (float) (random.nextInt(3) * scale);
                        case EXTREME -> switch (random.nextInt(6)) {
                            case 0 -> 1e30f;
                            case 1 -> -1e30f;
                            case 2 -> Float.MAX_VALUE;
                            case 3 -> -Float.MAX_VALUE;
                            case 4 -> Float.MIN_VALUE;
                            default -> (float) (random.nextGaussian() * 1e20);
                        };
                        case NEG_INFINITY -> random.nextInt(3) == 0 ? (float) random.nextGaussian()
                                : Float.NEGATIVE_INFINITY;
                        case ONE_HUGE -> (float) random.nextGaussian();
                    };
                }
                if (kind == Kind.NEG_INFINITY) {
                    x[base + random.nextInt(cols)] = (float) random.nextGaussian();
                }
                if (kind == Kind.ONE_HUGE) {
                    x[base + random.nextInt(cols)] = (float) (scale * 1e3);
                }
            }
            return x;
        }

        @Override
        public String toString() {
            return rows + "x" + cols + " " + kind + " scale=" + scale + " seed=" + seed;
        }
    }

    /** Column counts weighted toward the short rows networks use, with long rows mixed in. */
    static Arbitrary<Integer> cols(int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 40)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(41, Math.min(2000, max))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(Math.min(2001, max), max)));
    }

    static Arbitrary<Spec> specs(int maxCols, boolean finiteOnly) {
        Arbitrary<Kind> kinds = finiteOnly
                ? Arbitraries.of(Kind.GAUSSIAN, Kind.TIES, Kind.EXTREME, Kind.ONE_HUGE)
                : Arbitraries.of(Kind.values());
        return Combinators.combine(
                Arbitraries.integers().between(1, 5),
                cols(maxCols),
                kinds,
                Arbitraries.doubles().between(-3, 4).map(e -> Math.pow(10, e)),
                Arbitraries.longs()).as(Spec::new);
    }
}
