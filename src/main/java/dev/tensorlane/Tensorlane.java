package dev.tensorlane;

import dev.tensorlane.internal.KernelsProvider;

/**
 * Which backend runs the kernels. The choice is made once, at first use of any kernel: the Vector API when
 * {@code jdk.incubator.vector} is enabled ({@code --add-modules jdk.incubator.vector}) and C2 compiles it,
 * otherwise plain Java. {@code -Dtensorlane.backend=vector|scalar} forces one ({@code vector} fails with an
 * {@link IllegalStateException} when SIMD is unusable); {@code -Dtensorlane.vectorBits=128|256|512} narrows the
 * species, to test the paths of smaller machines. The choice is logged once at INFO on the
 * {@code dev.tensorlane} System.Logger.
 */
public final class Tensorlane {
    private Tensorlane() {}

    /** {@code "vector"} or {@code "scalar"}. */
    public static String backend() {
        return KernelsProvider.get().name();
    }

    /** Bits per SIMD register used by the kernels, 0 for the scalar backend. */
    public static int vectorBitSize() {
        return KernelsProvider.get().vectorBitSize();
    }

    /** A one-line description, e.g. {@code "vector (512-bit, 16 floats per vector)"}. */
    public static String describe() {
        int bits = vectorBitSize();
        return bits == 0 ? "scalar" : backend() + " (" + bits + "-bit, " + bits / Float.SIZE + " floats per vector)";
    }
}
