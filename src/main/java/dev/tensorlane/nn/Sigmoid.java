package dev.tensorlane.nn;

import dev.tensorlane.Activations;

/** 1/(1 + e^−x). Backward needs only the output: dx = dy·y·(1 − y). */
public final class Sigmoid implements Layer {
    private final int features;

    public Sigmoid(int features) {
        this.features = features;
    }

    @Override public int inFeatures() { return features; }

    @Override public int outFeatures() { return features; }

    @Override
    public void forward(int batch, float[] x, float[] y) {
        Activations.sigmoid(x, 0, y, 0, batch * features);
    }

    @Override
    public void backward(int batch, float[] x, float[] y, float[] dy, float[] dx) {
        Activations.sigmoidBackward(y, 0, dy, 0, dx, 0, batch * features);
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
