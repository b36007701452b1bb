package dev.tensorlane.nn;

import dev.tensorlane.Activations;
import dev.tensorlane.Softmax;

/**
 * Cross-entropy on logits, fused with a stable log-softmax ({@code nn.CrossEntropyLoss} with mean reduction):
 * loss = −mean log softmax(logits)[label], gradient (softmax − onehot)/batch. Never log(softmax).
 *
 * <p>With label smoothing ε ({@code nn.CrossEntropyLoss(label_smoothing=ε)}) the target is
 * q = (1 − ε)·onehot + ε/C instead of the onehot: loss = −mean Σ_j q_j log p_j, gradient (softmax − q)/batch.
 */
public final class CrossEntropyLoss {
    private final float smoothing;
    private float[] logProbabilities = new float[0];

    /** Plain cross-entropy. */
    public CrossEntropyLoss() {
        this(0f);
    }

    /** Cross-entropy against labels smoothed by {@code smoothing} in [0, 1]. */
    public CrossEntropyLoss(float smoothing) {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing=" + smoothing + " is outside [0, 1]");
        }
        this.smoothing = smoothing;
    }

    public float smoothing() {
        return smoothing;
    }

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
        if (smoothing == 0) {
            return (float) (sum / batch);
        }
        double all = 0;
        for (int i = 0; i < batch * classes; i++) {
            all -= logProbabilities[i];
        }
        return (float) (((1 - smoothing) * sum + smoothing / classes * all) / batch);
    }

    /** dlogits = (softmax − q)/batch, for the batch of the last forward call (q: the smoothed onehot). */
    public void backward(int batch, int classes, int[] labels, float[] dlogits) {
        int n = batch * classes;
        Activations.exp(logProbabilities, 0, dlogits, 0, n);
        float scale = 1f / batch;
        float floor = smoothing / classes;
        for (int r = 0; r < batch; r++) {
            dlogits[r * classes + labels[r]] -= 1f - smoothing;
        }
        for (int i = 0; i < n; i++) {
            dlogits[i] = (dlogits[i] - floor) * scale;
        }
    }
}
