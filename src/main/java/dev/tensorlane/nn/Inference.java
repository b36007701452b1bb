package dev.tensorlane.nn;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;

import java.util.List;

/**
 * A snapshot of a {@link Sequential} for inference, taken by {@link Sequential#inference()}: each {@link Linear}'s
 * weight is copied once, transposed to {@code [in × out]}, so that its product runs as {@code X·B}
 * ({@link FusedLinear#matmulBias}) instead of {@code X·Wᵀ}. With W constant, the transpose is paid once, not per
 * call; {@code X·B} needs no lane sums, and at the MLP's first layer (784→128 with relu, one thread, AVX-512,
 * JDK 17, {@code PeersBenchmark}) it measured 7,800 against 6,300 products a second at batch 64 (one run) and 51
 * against 35 at batch 10,000 (two runs).
 *
 * <p>The snapshot does not follow later training: take a new one after the weights change. Its outputs agree with
 * {@link Sequential#forward} within the error bound of the products (the sums are taken in another order), not
 * bit for bit. Output buffers are sized for the largest batch seen and reused, so, like {@link Sequential}, one
 * instance serves one thread at a time.
 */
public final class Inference {
    private final int in;
    private final int out;
    /** Per step: a Linear (weightT, bias, act set) or another layer (layer set). */
    private final Layer[] layers;
    private final float[][] weightsT;
    private final float[][] biases;
    private final Activation[] acts;
    private final int[] widths;
    private float[][] outputs;
    private int capacity;

    /** {@code fusedInto[i]}: the activation a Linear at i runs fused with the layer after it, as {@link Sequential} does. */
    Inference(List<Layer> source, Activation[] fusedInto) {
        int steps = 0;
        for (int i = 0; i < source.size(); i++, steps++) {
            if (fusedInto[i] != null) {
                i++;
            }
        }
        layers = new Layer[steps];
        weightsT = new float[steps][];
        biases = new float[steps][];
        acts = new Activation[steps];
        widths = new int[steps];
        int s = 0;
        for (int i = 0; i < source.size(); i++, s++) {
            Layer layer = source.get(i);
            widths[s] = layer.outFeatures();
            if (layer instanceof Linear linear) {
                weightsT[s] = transpose(linear.weight().value(), linear.outFeatures(), linear.inFeatures());
                biases[s] = linear.bias().value().clone();
                acts[s] = fusedInto[i] == null ? Activation.IDENTITY : fusedInto[i];
                if (fusedInto[i] != null) {
                    i++;
                }
            } else {
                layers[s] = layer;
            }
        }
        in = source.get(0).inFeatures();
        out = source.get(source.size() - 1).outFeatures();
    }

    private static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    /**
     * Runs the network on {@code batch} rows of x; returns the output buffer (owned here, valid until the next
     * call). Allocates nothing once a batch this large has been seen.
     */
    public float[] forward(int batch, float[] x) {
        Sequential.checkInput(batch, x, in);
        if (batch > capacity) {
            outputs = new float[widths.length][];
            for (int s = 0; s < widths.length; s++) {
                outputs[s] = new float[Math.multiplyExact(batch, widths[s])];
            }
            capacity = batch;
        }
        float[] input = x;
        int width = in;
        for (int s = 0; s < widths.length; s++) {
            if (layers[s] == null) {
                FusedLinear.matmulBias(batch, widths[s], width, input, 0, width, weightsT[s], 0, widths[s],
                        biases[s], 0, acts[s], outputs[s], 0, widths[s]);
            } else {
                layers[s].forward(batch, input, outputs[s]);
            }
            input = outputs[s];
            width = widths[s];
        }
        return input;
    }
}
