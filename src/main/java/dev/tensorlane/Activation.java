package dev.tensorlane;

/** The activation applied by the fused linear kernels to each output element. */
public enum Activation {
    /** {@code f(x) = x}. */
    IDENTITY,
    /** {@code f(x) = max(x, 0)}; NaN stays NaN and -0.0 becomes +0.0, as {@link Math#max(float, float)}. */
    RELU,
    /** {@code f(x) = 1 / (1 + e^-x)}, with the accuracy of {@link Activations#sigmoid}. */
    SIGMOID
}
