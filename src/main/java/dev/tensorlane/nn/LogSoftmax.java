package dev.tensorlane.nn;

/** log-softmax over each row, computed directly (stable). */
public final class LogSoftmax implements Layer {
    private final int features;

    public LogSoftmax(int features) {
        this.features = features;
    }

    @Override public int inFeatures() { return features; }

    @Override public int outFeatures() { return features; }

    @Override
    public void forward(int batch, float[] x, float[] y) {
        dev.tensorlane.Softmax.logSoftmax(batch, features, x, 0, features, y, 0, features);
    }

    /** dx = dy − softmax(x)·Σ_j dy_j, with softmax = exp(y). */
    @Override
    public void backward(int batch, float[] x, float[] y, float[] dy, float[] dx) {
        for (int r = 0; r < batch; r++) {
            int row = r * features;
            float sum = 0f;
            for (int j = 0; j < features; j++) {
                sum += dy[row + j];
            }
            for (int j = 0; j < features; j++) {
                dx[row + j] = dy[row + j] - (float) Math.exp(y[row + j]) * sum;
            }
        }
    }

    @Override
    public String toString() {
        return "LogSoftmax()";
    }
}
