package dev.tensorlane.nn;

import dev.tensorlane.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied in order, with the buffers for their outputs and gradients, sized for the largest batch seen
 * and reused: after the first batch of a given size, forward and backward allocate nothing.
 *
 * <p>A {@link Linear} followed by a {@link ReLU} or {@link Sigmoid} runs as one fused kernel that writes the
 * activation's output directly; the pre-activation is never stored (the backward passes of ReLU and Sigmoid need
 * only their output).
 */
public final class Sequential {
    private final List<Layer> layers;
    private final Activation[] fusedInto;
    private float[][] outputs;
    private float[][] gradients;
    private int capacity;

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a Sequential needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inFeatures() != layers.get(i - 1).outFeatures()) {
                throw new IllegalArgumentException("layer " + i + " (" + layers.get(i) + ") takes "
                        + layers.get(i).inFeatures() + " features but layer " + (i - 1) + " (" + layers.get(i - 1)
                        + ") gives " + layers.get(i - 1).outFeatures());
            }
        }
        this.layers = List.copyOf(layers);
        this.fusedInto = new Activation[layers.size()];
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (layers.get(i) instanceof Linear) {
                Layer next = layers.get(i + 1);
                fusedInto[i] = next instanceof ReLU ? Activation.RELU : next instanceof Sigmoid ? Activation.SIGMOID : null;
            }
        }
    }

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    public int inFeatures() {
        return layers.get(0).inFeatures();
    }

    public int outFeatures() {
        return layers.get(layers.size() - 1).outFeatures();
    }

    /** All parameters, named as PyTorch names them in an {@code nn.Sequential}: {@code 0.weight}, {@code 0.bias}, … */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                all.add(new Parameter(i + "." + p.name(), p.shape(), p.value(), p.grad()));
            }
        }
        return all;
    }

    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        outputs = new float[layers.size()][];
        gradients = new float[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            outputs[i] = new float[batch * layers.get(i).outFeatures()];
            gradients[i] = new float[batch * layers.get(i).outFeatures()];
        }
        capacity = batch;
    }

    private void check(int batch, float[] x) {
        checkInput(batch, x, inFeatures());
    }

    /** Shared with {@link Inference}: a batch of at least one row, and x holding all of it. */
    static void checkInput(int batch, float[] x, int inFeatures) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch=" + batch + " must be > 0");
        }
        if (x.length < (long) batch * inFeatures) {
            throw new IllegalArgumentException("input holds " + x.length + " floats, batch " + batch + " × "
                    + inFeatures + " features needs " + (long) batch * inFeatures);
        }
    }

    /** Runs the network on {@code batch} rows of x; returns the output buffer (owned here, valid until the next call). */
    public float[] forward(int batch, float[] x) {
        check(batch, x);
        ensureCapacity(batch);
        float[] input = x;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (fusedInto[i] != null) {
                ((Linear) layer).forward(batch, input, outputs[i + 1], fusedInto[i]);
                input = outputs[i + 1];
                i++; // the activation has been applied
                continue;
            }
            layer.forward(batch, input, outputs[i]);
            input = outputs[i];
        }
        return input;
    }

    /**
     * Backward pass for the batch of the last {@link #forward} call, from the gradient of the loss with respect
     * to the output; leaves every parameter's gradient set. x must be the input given to forward.
     */
    public void backward(int batch, float[] x, float[] outputGradient) {
        check(batch, x);
        int last = layers.size() - 1;
        float[] dy = outputGradient;
        for (int i = last; i >= 0; i--) {
            float[] in = i == 0 ? x : outputs[i - 1];
            float[] dx = i == 0 ? null : gradients[i - 1];
            layers.get(i).backward(batch, in, outputs[i], dy, dx);
            dy = dx;
        }
    }

    /**
     * A snapshot of the network as it is now, for inference only: faster than {@link #forward} (each Linear's
     * weight pre-transposed once), and not updated by later training. See {@link Inference}.
     */
    public Inference inference() {
        return new Inference(layers, fusedInto);
    }

    /** Output buffer of the last forward pass, for callers that keep it. */
    public float[] output() {
        return outputs[layers.size() - 1];
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Layer l : layers) {
            s.append(s.length() == 0 ? "" : " -> ").append(l);
        }
        return s.toString();
    }
}
