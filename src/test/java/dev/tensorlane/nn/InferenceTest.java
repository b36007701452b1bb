package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InferenceTest {

    private static float[] gaussian(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** The network in double, layer by layer: y = act(x·Wᵀ + b), softmax max-shifted. */
    private static double[] reference(Sequential model, int batch, float[] x) {
        double[] in = new double[batch * model.inFeatures()];
        for (int i = 0; i < in.length; i++) {
            in[i] = x[i];
        }
        for (Layer layer : model.layers()) {
            int n = layer.outFeatures(), k = layer.inFeatures();
            double[] y = new double[batch * n];
            for (int r = 0; r < batch; r++) {
                if (layer instanceof Linear linear) {
                    float[] w = linear.weight().value(), b = linear.bias().value();
                    for (int j = 0; j < n; j++) {
                        double s = b[j];
                        for (int p = 0; p < k; p++) {
                            s += in[r * k + p] * (double) w[j * k + p];
                        }
                        y[r * n + j] = s;
                    }
                } else if (layer instanceof ReLU) {
                    for (int j = 0; j < n; j++) {
                        y[r * n + j] = Math.max(0, in[r * k + j]);
                    }
                } else if (layer instanceof Sigmoid) {
                    for (int j = 0; j < n; j++) {
                        y[r * n + j] = 1 / (1 + Math.exp(-in[r * k + j]));
                    }
                } else if (layer instanceof Softmax) {
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    for (int j = 0; j < n; j++) {
                        max = Math.max(max, in[r * k + j]);
                    }
                    for (int j = 0; j < n; j++) {
                        sum += Math.exp(in[r * k + j] - max);
                    }
                    for (int j = 0; j < n; j++) {
                        y[r * n + j] = Math.exp(in[r * k + j] - max) / sum;
                    }
                } else {
                    throw new AssertionError("no reference for " + layer);
                }
            }
            in = y;
        }
        return in;
    }

    /** The two tutorial networks, and one with the unfused steps: a lone activation and a Softmax layer. */
    private static List<Sequential> models(boolean withSoftmax) {
        SplittableRandom random = new SplittableRandom(5);
        Layer relu = new ReLU(30), first = new Linear(30, 50).initPytorchDefault(random), sigmoid = new Sigmoid(50);
        Layer last = new Linear(50, 7).initPytorchDefault(random);
        return List.of(
                Models.mlp(Models.Init.PYTORCH, 1),
                Models.sigmoid(Models.Init.PYTORCH, 2),
                withSoftmax ? new Sequential(relu, first, sigmoid, last, new Softmax(7))
                        : new Sequential(relu, first, sigmoid, last));
    }

    @Test
    void agreesWithTheDoubleReferenceAndTheTrainingForwardPass() {
        for (Sequential model : models(true)) {
            for (int batch : new int[] {1, 7, 64, 130}) {
                float[] x = gaussian(batch, batch * model.inFeatures());
                double[] expected = reference(model, batch, x);
                float[] got = model.inference().forward(batch, x).clone();
                float[] training = model.forward(batch, x);
                for (int i = 0; i < expected.length; i++) {
                    double tolerance = 2e-5 * (1 + Math.abs(expected[i]));
                    assertEquals(expected[i], got[i], tolerance, model + " batch " + batch + " element " + i);
                    assertEquals(training[i], got[i], tolerance, model + " batch " + batch + " element " + i);
                }
            }
        }
    }

    /**
     * Same logits for a sample, bit for bit, whatever batch it comes in (the products' paths depend on n and k
     * only). Not promised after a softmax: its exp runs lane by lane over a block of short rows, and a row alone
     * goes through the scalar tail, which may differ in the last bit.
     */
    @Test
    void aSamplesLogitsDoNotDependOnItsBatch() {
        for (Sequential model : models(false)) {
            int batch = 150, in = model.inFeatures(), out = model.outFeatures();
            float[] x = gaussian(11, batch * in);
            Inference network = model.inference();
            float[] whole = network.forward(batch, x).clone();
            for (int r = 0; r < batch; r += 37) {
                float[] one = new float[in];
                System.arraycopy(x, r * in, one, 0, in);
                float[] y = network.forward(1, one);
                for (int j = 0; j < out; j++) {
                    assertEquals(Float.floatToRawIntBits(whole[r * out + j]), Float.floatToRawIntBits(y[j]),
                            model + " row " + r + " column " + j);
                }
            }
        }
    }

    @Test
    void isASnapshotThatLaterTrainingDoesNotChange() {
        Sequential model = Models.mlp(Models.Init.PYTORCH, 3);
        float[] x = gaussian(4, 2 * 784);
        Inference before = model.inference();
        float[] y0 = before.forward(2, x).clone();
        Linear last = (Linear) model.layers().get(4);
        last.bias().value()[3] += 1f;
        assertArrayEquals(y0, before.forward(2, x), "the old snapshot kept its weights");
        float[] y1 = model.inference().forward(2, x);
        assertEquals(y0[3] + 1f, y1[3], 1e-5f, "a new snapshot has the new bias");
        assertEquals(y0[0], y1[0], 0f);
    }

    @Test
    void rejectsBadInputBeforeComputing() {
        Inference network = Models.mlp(Models.Init.PYTORCH, 3).inference();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.forward(0, new float[784]));
        assertTrue(e.getMessage().contains("batch=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> network.forward(2, new float[784]));
        assertTrue(e.getMessage().contains("784") && e.getMessage().contains("1568"), e.getMessage());
        assertThrows(NullPointerException.class, () -> network.forward(1, null));
        assertEquals(784, network.inFeatures());
        assertEquals(10, network.outFeatures());
    }
}
