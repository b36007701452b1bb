package dev.tensorlane.nn;

import java.util.List;

/**
 * One step of a network over a batch of rows. Buffers are row-major {@code batch × features} arrays owned by the
 * caller (usually {@link Sequential}); a layer allocates nothing per call.
 */
public interface Layer {

    int inFeatures();

    int outFeatures();

    /** y = f(x) for {@code batch} rows. */
    void forward(int batch, float[] x, float[] y);

    /**
     * Given the forward input x, output y and the loss gradient dy with respect to y, sets the gradients of the
     * layer's parameters and writes dx (the gradient with respect to x) unless dx is null.
     */
    void backward(int batch, float[] x, float[] y, float[] dy, float[] dx);

    /** Trainable parameters, empty for activations. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
