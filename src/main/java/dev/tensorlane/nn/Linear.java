package dev.tensorlane.nn;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Gemm;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code y = x·Wᵀ + b}, PyTorch's {@code nn.Linear}: W is {@code [out × in]}, b is {@code [out]}. When a
 * {@link Sequential} puts a {@link ReLU} or {@link Sigmoid} right after it, the two run as one fused kernel
 * ({@link FusedLinear#linear}) and the activation's output is written directly.
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    public Linear(int in, int out) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + "): sizes must be > 0");
        }
        this.in = in;
        this.out = out;
        this.weight = new Parameter("weight", new int[] {out, in}, new float[out * in], new float[out * in]);
        this.bias = new Parameter("bias", new int[] {out}, new float[out], new float[out]);
    }

    @Override public int inFeatures() { return in; }

    @Override public int outFeatures() { return out; }

    public Parameter weight() { return weight; }

    public Parameter bias() { return bias; }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /**
     * PyTorch's default for {@code nn.Linear}: {@code kaiming_uniform_(a=√5)}, which is uniform in ±1/√in, and the
     * bias uniform in ±1/√in.
     */
    public Linear initPytorchDefault(SplittableRandom random) {
        double bound = 1 / Math.sqrt(in);
        fillUniform(weight.value(), bound, random);
        fillUniform(bias.value(), bound, random);
        return this;
    }

    /** The tutorial's {@code weight.normal_(std=std)} and {@code bias.fill_(0)}. */
    public Linear initNormal(double std, SplittableRandom random) {
        float[] w = weight.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
        java.util.Arrays.fill(bias.value(), 0f);
        return this;
    }

    private static void fillUniform(float[] v, double bound, SplittableRandom random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-bound, bound);
        }
    }

    @Override
    public void forward(int batch, float[] x, float[] y) {
        forward(batch, x, y, Activation.IDENTITY);
    }

    /** {@code y = act(x·Wᵀ + b)} in one pass. */
    public void forward(int batch, float[] x, float[] y, Activation act) {
        FusedLinear.linear(batch, out, in, x, 0, in, weight.value(), 0, in, bias.value(), 0, act, y, 0, out);
    }

    /** dW = dyᵀ·x, db = Σ_rows dy, dx = dy·W. */
    @Override
    public void backward(int batch, float[] x, float[] y, float[] dy, float[] dx) {
        Gemm.gemm(true, false, out, in, batch, 1f, dy, 0, out, x, 0, in, 0f, weight.grad(), 0, in);
        float[] db = bias.grad();
        java.util.Arrays.fill(db, 0f);
        for (int r = 0; r < batch; r++) {
            int row = r * out;
            for (int j = 0; j < out; j++) {
                db[j] += dy[row + j];
            }
        }
        if (dx != null) {
            Gemm.gemm(false, false, batch, in, out, 1f, dy, 0, out, weight.value(), 0, in, 0f, dx, 0, in);
        }
    }

    @Override
    public String toString() {
        return "Linear(" + in + ", " + out + ")";
    }
}
