package dev.tensorlane.nn;

import dev.tensorlane.Activations;
import dev.tensorlane.Softmax;

/**
 * Cross-entropy on logits, fused with a stable log-softmax ({@code nn.CrossEntropyLoss} with mean reduction):
 * loss = −mean log softmax(logits)[label], gradient (softmax − onehot)/batch. Never log(softmax).
 */
public final class CrossEntropyLoss {
    private float[] logProbabilities = new float[0];

    private static void checkLabels(int batch, int classes, int[] labels) {
        if (labels.length < batch) {
            throw new IllegalArgumentException("labels holds " + labels.length + " entries, batch is " + batch);
        }
        for (int r = 0; r < batch; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException("label " + labels[r] + " at row " + r + " is outside 0.."
                        + (classes - 1));
            }
        }
    }

    /** Mean loss over the batch; keeps the log-probabilities for {@link #backward}. */
    public float forward(int batch, int classes, float[] logits, int[] labels) {
        checkLabels(batch, classes, labels);
        if (logProbabilities.length < batch * classes) {
            logProbabilities = new float[batch * classes];
        }
        Softmax.logSoftmax(batch, classes, logits, 0, classes, logProbabilities, 0, classes);
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            sum -= logProbabilities[r * classes + labels[r]];
        }
        return (float) (sum / batch);
    }

    /** dlogits = (softmax − onehot)/batch, for the batch of the last forward call. */
    public void backward(int batch, int classes, int[] labels, float[] dlogits) {
        int n = batch * classes;
        Activations.exp(logProbabilities, 0, dlogits, 0, n);
        float scale = 1f / batch;
        for (int r = 0; r < batch; r++) {
            dlogits[r * classes + labels[r]] -= 1f;
        }
        for (int i = 0; i < n; i++) {
            dlogits[i] *= scale;
        }
    }
}
