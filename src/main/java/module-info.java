/**
 * Tensorlane: SIMD numerics kernels for neural networks over flat row-major {@code float[]}
 * ({@code dev.tensorlane}), a small network library on them ({@code dev.tensorlane.nn}) and MNIST-format data
 * loading ({@code dev.tensorlane.data}) and PyTorch weights in NumPy {@code .npz} or safetensors files
 * ({@code dev.tensorlane.io}).
 *
 * <p>The Vector API is an optional dependency: when {@code jdk.incubator.vector} is in the boot layer
 * the SIMD backend is used, otherwise the scalar one. Nothing else is required at run time.
 */
module dev.tensorlane {
    requires static jdk.incubator.vector;
    requires static java.management;
    requires static jdk.management;
    requires static java.desktop; // the command-line program only: PNG plots and images (javax.imageio)

    exports dev.tensorlane;
    exports dev.tensorlane.data;
    exports dev.tensorlane.io;
    exports dev.tensorlane.nn;
}
