package dev.tensorlane.nn;

import dev.tensorlane.data.Mnist;

/** Loss, accuracy and confusion matrix of a classifier over a data set. */
public final class Evaluation {
    private Evaluation() {}

    /** {@code confusion[actual][predicted]} counts. */
    public record Result(int count, double loss, double accuracy, int[][] confusion) {
        public double classAccuracy(int c) {
            int total = 0;
            for (int v : confusion[c]) {
                total += v;
            }
            return total == 0 ? Double.NaN : (double) confusion[c][c] / total;
        }
    }

    /** Runs the model over the data in chunks of {@code batch} rows, through a snapshot ({@link Sequential#inference}). */
    public static Result evaluate(Sequential model, Mnist.Dataset data, int batch) {
        int classes = model.outFeatures();
        int features = data.features();
        if (features != model.inFeatures()) {
            throw new IllegalArgumentException("the model takes " + model.inFeatures() + " features, the data has "
                    + features);
        }
        Inference network = model.inference();
        CrossEntropyLoss loss = new CrossEntropyLoss();
        int[][] confusion = new int[classes][classes];
        float[] x = new float[batch * features];
        int[] labels = new int[batch];
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < data.count(); start += batch) {
            int n = Math.min(batch, data.count() - start);
            System.arraycopy(data.images(), start * features, x, 0, n * features);
            System.arraycopy(data.labels(), start, labels, 0, n);
            float[] logits = network.forward(n, x);
            lossSum += (double) loss.forward(n, classes, logits, labels) * n;
            for (int r = 0; r < n; r++) {
                int best = argmax(logits, r * classes, classes);
                confusion[labels[r]][best]++;
                if (best == labels[r]) {
                    correct++;
                }
            }
        }
        return new Result(data.count(), lossSum / data.count(), (double) correct / data.count(), confusion);
    }

    public static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
