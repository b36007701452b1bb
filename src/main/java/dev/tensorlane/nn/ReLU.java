package dev.tensorlane.nn;

import dev.tensorlane.Activations;

/** max(x, 0). Backward needs only the output: dx = dy where y > 0, else 0 ({@link Activations#reluBackward}). */
public final class ReLU implements Layer {
    private final int features;

    public ReLU(int features) {
        this.features = features;
    }

    @Override public int inFeatures() { return features; }

    @Override public int outFeatures() { return features; }

    @Override
    public void forward(int batch, float[] x, float[] y) {
        Activations.relu(x, 0, y, 0, batch * features);
    }

    @Override
    public void backward(int batch, float[] x, float[] y, float[] dy, float[] dx) {
        Activations.reluBackward(y, 0, dy, 0, dx, 0, batch * features);
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
