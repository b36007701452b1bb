package dev.tensorlane.internal.vector;

import dev.tensorlane.internal.KernelsProvider;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Every {@code jdk.incubator.vector} static the kernels use lives here, so that a class initializer that fails
 * (module missing, unsupported species) fails inside the reflective load of the backend and nowhere else.
 * {@code FLOAT} is a static final so C2 sees a constant species, which it needs to emit SIMD code.
 */
final class VectorConstants {
    private VectorConstants() {}

    static final VectorSpecies<Float> FLOAT = pick();
    static final int LANES = FLOAT.length();
    /** Half of {@code FLOAT} where that is 512 bits, else {@code FLOAT}: see VectorGemm's narrow tiles. */
    static final VectorSpecies<Float> HALF = LANES >= 16
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(FLOAT.vectorBitSize() / 2)) : FLOAT;

    private static VectorSpecies<Float> pick() {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        String bits = System.getProperty(KernelsProvider.BITS_PROPERTY);
        if (bits == null || bits.isBlank()) {
            return preferred;
        }
        VectorSpecies<Float> forced = switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("-D" + KernelsProvider.BITS_PROPERTY + "=" + bits
                    + " is not one of 128, 256, 512");
        };
        if (forced.vectorBitSize() > preferred.vectorBitSize()) {
            throw new IllegalArgumentException("-D" + KernelsProvider.BITS_PROPERTY + "=" + bits
                    + " exceeds this CPU's preferred vector size of " + preferred.vectorBitSize() + " bits");
        }
        return forced;
    }
}
