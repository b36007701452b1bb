/**
 * Tensorlane: SIMD numerics kernels for neural networks over flat row-major {@code float[]}.
 *
 * <p>The Vector API is an optional dependency: when {@code jdk.incubator.vector} is in the boot layer
 * the SIMD backend is used, otherwise the scalar one. Nothing else is required at run time.
 */
module dev.tensorlane {
    requires static jdk.incubator.vector;
    requires static java.management;
    requires static jdk.management;

    exports dev.tensorlane;
}
