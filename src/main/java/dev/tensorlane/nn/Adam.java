package dev.tensorlane.nn;

import java.util.List;

/**
 * Adam as {@code torch.optim.Adam}: m and v moving averages with bias correction,
 * {@code p −= lr·m̂/(√v̂ + eps)}; weight decay (L2, added to the gradient) optional.
 */
public final class Adam implements Optimizer {
    private final List<Parameter> parameters;
    private final float lr, beta1, beta2, eps, weightDecay;
    private final float[][] m, v;
    private int t;

    public Adam(List<Parameter> parameters, float lr) {
        this(parameters, lr, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public Adam(List<Parameter> parameters, float lr, float beta1, float beta2, float eps, float weightDecay) {
        if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam: lr=" + lr + " beta1=" + beta1 + " beta2=" + beta2 + " eps=" + eps
                    + " weightDecay=" + weightDecay + " out of range");
        }
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.m = new float[parameters.size()][];
        this.v = new float[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            m[i] = new float[parameters.get(i).size()];
            v[i] = new float[parameters.get(i).size()];
        }
    }

    @Override
    public void step() {
        t++;
        float c1 = (float) (1 - Math.pow(beta1, t));
        float c2 = (float) (1 - Math.pow(beta2, t));
        float stepSize = lr / c1;
        float sqrtC2 = (float) Math.sqrt(c2);
        for (int k = 0; k < parameters.size(); k++) {
            float[] p = parameters.get(k).value();
            float[] g = parameters.get(k).grad();
            float[] mk = m[k], vk = v[k];
            for (int i = 0; i < p.length; i++) {
                float gi = weightDecay == 0f ? g[i] : g[i] + weightDecay * p[i];
                mk[i] = beta1 * mk[i] + (1 - beta1) * gi;
                vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi;
                p[i] -= stepSize * mk[i] / ((float) Math.sqrt(vk[i]) / sqrtC2 + eps);
            }
        }
    }
}
