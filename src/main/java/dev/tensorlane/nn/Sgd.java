package dev.tensorlane.nn;

import java.util.List;

/** SGD as {@code torch.optim.SGD}: optional momentum (buf = μ·buf + g) and weight decay (g += wd·p). */
public final class Sgd implements Optimizer {
    private final List<Parameter> parameters;
    private final float lr, momentum, weightDecay;
    private final float[][] buffers;
    private boolean started;

    public Sgd(List<Parameter> parameters, float lr, float momentum, float weightDecay) {
        if (!(lr > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SGD: lr=" + lr + " momentum=" + momentum + " weightDecay="
                    + weightDecay + " out of range");
        }
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buffers = new float[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            buffers[i] = momentum == 0f ? null : new float[parameters.get(i).size()];
        }
    }

    @Override
    public void step() {
        for (int k = 0; k < parameters.size(); k++) {
            float[] p = parameters.get(k).value();
            float[] g = parameters.get(k).grad();
            float[] buf = buffers[k];
            for (int i = 0; i < p.length; i++) {
                float gi = weightDecay == 0f ? g[i] : g[i] + weightDecay * p[i];
                if (buf != null) {
                    // PyTorch starts the buffer at the first gradient, not at zero.
                    buf[i] = started ? momentum * buf[i] + gi : gi;
                    gi = buf[i];
                }
                p[i] -= lr * gi;
            }
        }
        started = true;
    }
}
