package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every backward pass against central finite differences of the same function written in double. The scalar
 * objective is S = Σ dy ⊙ f(x), so dS/dx is the layer's dx and dS/dθ its parameter gradients.
 */
class GradientCheckTest {

    private static final double H = 1e-4;

    private static float[] random(SplittableRandom r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** Central difference of {@code objective} at every coordinate of {@code at}, in double. */
    private static double[] numericGradient(double[] at, Function<double[], Double> objective) {
        return numericGradient(at, objective, H);
    }

    private static double[] numericGradient(double[] at, Function<double[], Double> objective, double h) {
        double[] g = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double keep = at[i];
            at[i] = keep + h;
            double plus = objective.apply(at);
            at[i] = keep - h;
            double minus = objective.apply(at);
            at[i] = keep;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-3 * Math.abs(expected[i]) + 2e-4;
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }

    private static double dot(double[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void linearBackwardMatchesFiniteDifferences() {
        int batch = 3, in = 7, out = 5;
        SplittableRandom r = new SplittableRandom(1);
        Linear layer = new Linear(in, out).initPytorchDefault(r);
        float[] x = random(r, batch * in, 1), dy = random(r, batch * out, 1);
        float[] y = new float[batch * out], dx = new float[batch * in];
        layer.forward(batch, x, y);
        layer.backward(batch, x, y, dy, dx);
        double[] w = toDouble(layer.weight().value()), b = toDouble(layer.bias().value()), xd = toDouble(x);
        Function<double[], Double> s = ignored -> {
            double total = 0;
            for (int n = 0; n < batch; n++) {
                for (int o = 0; o < out; o++) {
                    double v = b[o];
                    for (int i = 0; i < in; i++) {
                        v += xd[n * in + i] * w[o * in + i];
                    }
                    total += dy[n * out + o] * v;
                }
            }
            return total;
        };
        assertClose(numericGradient(xd, s), dx, "dx");
        assertClose(numericGradient(w, s), layer.weight().grad(), "dW");
        assertClose(numericGradient(b, s), layer.bias().grad(), "db");
    }

    private static void checkElementwise(Layer layer, Function<Double, Double> f, long seed) {
        int batch = 4, n = layer.inFeatures();
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = random(r, batch * n, 2), dy = random(r, batch * n, 1);
        float[] y = new float[batch * n], dx = new float[batch * n];
        layer.forward(batch, x, y);
        layer.backward(batch, x, y, dy, dx);
        double[] xd = toDouble(x);
        double[] expected = numericGradient(xd, v -> {
            double total = 0;
            for (int i = 0; i < v.length; i++) {
                total += dy[i] * f.apply(v[i]);
            }
            return total;
        });
        assertClose(expected, dx, layer.toString());
    }

    @Test
    void reluBackwardMatchesFiniteDifferences() {
        checkElementwise(new ReLU(9), v -> Math.max(v, 0), 2);
    }

    @Test
    void sigmoidBackwardMatchesFiniteDifferences() {
        checkElementwise(new Sigmoid(9), v -> 1 / (1 + Math.exp(-v)), 3);
    }

    private static double[] softmaxRow(double[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[off + j]);
        }
        double sum = 0;
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = Math.exp(x[off + j] - max);
            sum += e[j];
        }
        for (int j = 0; j < n; j++) {
            e[j] /= sum;
        }
        return e;
    }

    @Test
    void softmaxAndLogSoftmaxBackwardMatchFiniteDifferences() {
        int batch = 3, n = 6;
        SplittableRandom r = new SplittableRandom(4);
        float[] x = random(r, batch * n, 2), dy = random(r, batch * n, 1);
        for (boolean log : new boolean[] {false, true}) {
            Layer layer = log ? new LogSoftmax(n) : new Softmax(n);
            float[] y = new float[batch * n], dx = new float[batch * n];
            layer.forward(batch, x, y);
            layer.backward(batch, x, y, dy, dx);
            double[] expected = numericGradient(toDouble(x), v -> {
                double total = 0;
                for (int row = 0; row < batch; row++) {
                    double[] p = softmaxRow(v, row * n, n);
                    for (int j = 0; j < n; j++) {
                        total += dy[row * n + j] * (log ? Math.log(p[j]) : p[j]);
                    }
                }
                return total;
            });
            assertClose(expected, dx, layer.toString());
        }
    }

    @Test
    void crossEntropyBackwardMatchesFiniteDifferences() {
        assertCrossEntropyMatchesItsDoubleDefinition(0f, 5, 3, new int[] {3, 0, 9, 3, 7});
    }

    @Test
    void labelSmoothedCrossEntropyAndItsBackwardMatchTheDoubleDefinition() {
        assertCrossEntropyMatchesItsDoubleDefinition(0.1f, 7, 4, new int[] {1, 9, 0, 1});
    }

    /**
     * The loss against {@code nn.CrossEntropyLoss(label_smoothing=ε)} computed in double (target (1 − ε)·onehot +
     * ε/C, loss −Σ target·log p, batch mean), and its gradient against central differences of that.
     */
    private static void assertCrossEntropyMatchesItsDoubleDefinition(float smoothing, long seed, double scale,
                                                                      int[] labels) {
        int batch = labels.length, classes = 10;
        float[] logits = random(new SplittableRandom(seed), batch * classes, scale);
        CrossEntropyLoss loss = new CrossEntropyLoss(smoothing);
        float value = loss.forward(batch, classes, logits, labels);
        float[] grad = new float[batch * classes];
        loss.backward(batch, classes, labels, grad);
        Function<double[], Double> mean = v -> {
            double total = 0;
            for (int row = 0; row < batch; row++) {
                double[] p = softmaxRow(v, row * classes, classes);
                for (int c = 0; c < classes; c++) {
                    double target = (c == labels[row] ? 1 - smoothing : 0) + smoothing / classes;
                    total -= target * Math.log(p[c]);
                }
            }
            return total / batch;
        };
        double[] ld = toDouble(logits);
        assertEquals(mean.apply(ld), value, 1e-5);
        assertClose(numericGradient(ld, mean), grad, "dlogits");
    }

    @Test
    void zeroSmoothingIsPlainCrossEntropyToTheBit() {
        int batch = 3, classes = 10;
        float[] logits = random(new SplittableRandom(8), batch * classes, 5);
        int[] labels = {4, 2, 8};
        CrossEntropyLoss plain = new CrossEntropyLoss(), zero = new CrossEntropyLoss(0f);
        assertEquals(plain.forward(batch, classes, logits, labels), zero.forward(batch, classes, logits, labels));
        float[] a = new float[batch * classes], b = new float[batch * classes];
        plain.backward(batch, classes, labels, a);
        zero.backward(batch, classes, labels, b);
        assertArrayEquals(a, b);
    }

    @Test
    void smoothingOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(1.5f));
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss(Float.NaN));
    }

    @Test
    void sequentialBackwardThroughAFusedNetworkMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(6);
        Linear l1 = new Linear(6, 5).initPytorchDefault(r), l2 = new Linear(5, 4).initPytorchDefault(r);
        Sequential model = new Sequential(l1, new Sigmoid(5), l2, new ReLU(4), new Linear(4, 3).initPytorchDefault(r));
        int batch = 2;
        float[] x = random(r, batch * 6, 1);
        int[] labels = {2, 0};
        CrossEntropyLoss loss = new CrossEntropyLoss();
        loss.forward(batch, 3, model.forward(batch, x), labels);
        float[] dlogits = new float[batch * 3];
        loss.backward(batch, 3, labels, dlogits);
        model.backward(batch, x, dlogits);
        double[] w1 = toDouble(l1.weight().value());
        Function<double[], Double> objective = w -> {
            float[] saved = l1.weight().value().clone();
            for (int i = 0; i < w.length; i++) {
                l1.weight().value()[i] = (float) w[i];
            }
            // The network in double would need a second implementation; a float forward with a larger step is
            // accurate enough here because the objective is smooth and O(1).
            float value = new CrossEntropyLoss().forward(batch, 3, model.forward(batch, x), labels);
            System.arraycopy(saved, 0, l1.weight().value(), 0, saved.length);
            return (double) value;
        };
        double[] numeric = numericGradient(w1, objective, 1e-2);
        // Recompute gradients (the objective calls overwrote the forward buffers).
        loss.forward(batch, 3, model.forward(batch, x), labels);
        loss.backward(batch, 3, labels, dlogits);
        model.backward(batch, x, dlogits);
        for (int i = 0; i < numeric.length; i++) {
            assertEquals(numeric[i], l1.weight().grad()[i], 2e-3 * Math.abs(numeric[i]) + 1e-3, "dW1[" + i + "]");
        }
    }
}
