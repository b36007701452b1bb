package dev.tensorlane.internal.vector;

import dev.tensorlane.internal.KernelsProvider;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
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

    /**
     * Receivers of known class for vectors whose class C2 may not know when it parses a call on them (a loop's
     * accumulator, a vector merged from two branches, a reinterpreted one): {@code ZERO.blend(v, EVERY_LANE)} is v
     * bit for bit, {@code ZERO.add(v)} is v for any v but −0. A call on such a v itself needs its class from class
     * hierarchy analysis (gone once a second vector class is loaded) or from a profiled guard, which C2 on JDK 17
     * compiles without its trap once the JDK's shared methods carry a class-check trap at that call or the compiled
     * method has spent its budget of them. Then the species is not a constant, the intrinsics fail and every vector
     * of the method is boxed: VectorGemm.tile4x2p allocated 150 KB per training step of the MLP at 128 bits, in
     * 2 of 26 fresh JVMs. A static final is a constant to C2, and so is its class.
     */
    static final FloatVector ZERO = FloatVector.zero(FLOAT);
    static final VectorMask<Float> EVERY_LANE = FLOAT.maskAll(true);
    static final IntVector INT_ZERO = IntVector.zero(FLOAT.withLanes(int.class));
    /** The lane indices 0, 1, …, LANES − 1 as floats (the lanes of VectorGemm's last dot-product step). */
    static final FloatVector IOTA = FloatVector.fromArray(FLOAT, iota(), 0);
    /**
     * Lane j ↔ lane j ^ d, and the lanes whose bit d is set: the steps of VectorGemm.laneSums16's tree (bits past
     * LANES wrap, and only 16 lanes use them).
     */
    static final VectorShuffle<Float> SWAP1 = swap(1), SWAP2 = swap(2), SWAP4 = swap(4), SWAP8 = swap(8);
    static final VectorMask<Float> HIGH1 = high(1), HIGH2 = high(2), HIGH4 = high(4), HIGH8 = high(8);

    private static float[] iota() {
        float[] lanes = new float[LANES];
        for (int j = 0; j < LANES; j++) {
            lanes[j] = j;
        }
        return lanes;
    }

    private static VectorShuffle<Float> swap(int d) {
        return VectorShuffle.fromOp(FLOAT, j -> (j ^ d) & (LANES - 1));
    }

    private static VectorMask<Float> high(int d) {
        boolean[] set = new boolean[LANES];
        for (int j = 0; j < LANES; j++) {
            set[j] = (j & d) != 0;
        }
        return VectorMask.fromArray(FLOAT, set, 0);
    }

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
