package dev.tensorlane.nn;

/** Softmax over each row, for probabilities at inference; train on logits with {@link CrossEntropyLoss}. */
public final class Softmax implements Layer {
    private final int features;

    public Softmax(int features) {
        this.features = features;
    }

    @Override public int inFeatures() { return features; }

    @Override public int outFeatures() { return features; }

    @Override
    public void forward(int batch, float[] x, float[] y) {
        dev.tensorlane.Softmax.softmax(batch, features, x, 0, features, y, 0, features);
    }

    /** dx = y ⊙ (dy − Σ_j dy_j·y_j), row by row. */
    @Override
    public void backward(int batch, float[] x, float[] y, float[] dy, float[] dx) {
        for (int r = 0; r < batch; r++) {
            int row = r * features;
            float dot = 0f;
            for (int j = 0; j < features; j++) {
                dot += dy[row + j] * y[row + j];
            }
            for (int j = 0; j < features; j++) {
                dx[row + j] = y[row + j] * (dy[row + j] - dot);
            }
        }
    }

    @Override
    public String toString() {
        return "Softmax()";
    }
}
