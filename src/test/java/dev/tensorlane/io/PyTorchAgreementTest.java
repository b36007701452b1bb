package dev.tensorlane.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Softmax;
import dev.tensorlane.data.Mnist;
import dev.tensorlane.nn.Layer;
import dev.tensorlane.nn.Linear;
import dev.tensorlane.nn.ReLU;
import dev.tensorlane.nn.Sequential;
import dev.tensorlane.nn.Sigmoid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks trained in PyTorch, loaded from the files a PyTorch user writes, give PyTorch's answers: logits and
 * probabilities within the kernels' error bounds, and the same class for every fixture image. The fixtures come
 * from {@code src/test/python/pytorch_fixtures.py} (see its comment): PyTorch's outputs for the first 300 test
 * digits of the embedded sample.
 */
class PyTorchAgreementTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "dev", "tensorlane", "io", "pytorch");
    static final int FIRST = 8000, COUNT = 300, CLASSES = 10;
    static final double U = 0x1p-23; // u of the accuracy contract

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "mlp_fc.npz |                 mlp |      Linear(784, 128) -> ReLU() -> Linear(128, 64) -> ReLU() -> Linear(64, 10)",
        "mlp_sequential.safetensors | mlp |      Linear(784, 128) -> ReLU() -> Linear(128, 64) -> ReLU() -> Linear(64, 10)",
        "mlp_fc_f16.safetensors |     mlp_f16 |  Linear(784, 128) -> ReLU() -> Linear(128, 64) -> ReLU() -> Linear(64, 10)",
        "mlp_fc_bf16.safetensors |    mlp_bf16 | Linear(784, 128) -> ReLU() -> Linear(128, 64) -> ReLU() -> Linear(64, 10)",
        "sigmoid_hidden_output.npz |  sigmoid |  Linear(784, 256) -> Sigmoid() -> Linear(256, 10)",
    })
    void logitsProbabilitiesAndClassesMatchPyTorch(String file, String variant, String architecture) throws IOException {
        Sequential model = PyTorchWeights.load(FIXTURES.resolve(file), null, Map.of());
        assertEquals(architecture, model.toString());

        float[] expectedLogits, expectedProbs;
        try (WeightsFile expected = WeightsFile.open(FIXTURES.resolve("expected.npz"))) {
            expectedLogits = expected.read(variant + "_logits");
            expectedProbs = expected.read(variant + "_probs");
        }
        Mnist.Dataset test = Mnist.loadEmbedded(Path.of("data", "mnist-10k")).test().slice(0, COUNT);
        assertEquals(FIRST, Mnist.loadEmbedded(Path.of("data", "mnist-10k")).train().count());
        float[] logits = model.forward(COUNT, test.images()).clone();
        float[] probs = new float[logits.length];
        Softmax.softmax(COUNT, CLASSES, logits, probs);

        double[][] reference = reference(model, test.images());
        double[] exact = reference[0], bound = reference[1];
        double worstLogit = 0, worstProb = 0, largestLogit = 0, largestProb = 0;
        for (int r = 0; r < COUNT; r++) {
            double rowBound = 0, max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                rowBound = Math.max(rowBound, bound[r * CLASSES + c]);
                max = Math.max(max, exact[r * CLASSES + c]);
            }
            for (int c = 0; c < CLASSES; c++) {
                int i = r * CLASSES + c;
                // Ours is within the contract of the exact result; PyTorch's sums carry the same kind of bound,
                // so the two agree within twice it.
                assertTrue(Math.abs(logits[i] - exact[i]) <= bound[i],
                        () -> "image " + i / CLASSES + " logit " + i % CLASSES + ": " + logits[i] + " vs exact " + exact[i]);
                assertTrue(Math.abs(logits[i] - expectedLogits[i]) <= 2 * bound[i],
                        () -> "image " + i / CLASSES + " logit " + i % CLASSES + ": " + logits[i] + " vs PyTorch "
                                + expectedLogits[i] + ", bound " + 2 * bound[i]);
                // softmax: relative error (4 + |z - max|)·u of its own each, plus what the logits' errors make of it
                double p = Math.exp(exact[i] - max);
                double relative = 2 * (4 + Math.abs(exact[i] - max)) * U + 2 * 2 * rowBound;
                double tolerance = expectedProbs[i] * relative + 0x1p-126;
                assertEquals(expectedProbs[i], probs[i], tolerance, "image " + r + " probability " + c + " (p " + p + ")");
                worstLogit = Math.max(worstLogit, Math.abs(logits[i] - expectedLogits[i]) / (2 * bound[i]));
                worstProb = Math.max(worstProb, Math.abs(probs[i] - expectedProbs[i]) / tolerance);
                largestLogit = Math.max(largestLogit, Math.abs(logits[i] - expectedLogits[i]));
                largestProb = Math.max(largestProb, Math.abs(probs[i] - expectedProbs[i]));
            }
            assertEquals(argmax(expectedLogits, r), argmax(logits, r), "class of image " + r);
        }
        // The contract's bounds are worst cases, about 10^4 times what happens; so also hold the observed
        // agreement (at most 3.8e-6 for logits and 7.8e-7 for probabilities, every backend) to a few times itself.
        assertTrue(largestLogit <= 2e-5, "logits differ from PyTorch's by up to " + largestLogit);
        assertTrue(largestProb <= 4e-6, "probabilities differ from PyTorch's by up to " + largestProb);
        System.out.printf("%s: largest |Tensorlane - PyTorch| %.2e for logits (%.2e of the bound), %.2e for"
                + " probabilities (%.2e of the bound)%n", file, largestLogit, worstLogit, largestProb, worstProb);
    }

    /**
     * The network in double precision on the same float weights, and a bound on the float result's error,
     * carried through the layers: a Linear adds (in + 2)·u·(|W|·|x| + |b|) for its sums and the bias and passes
     * |W|·δ on; ReLU passes δ on; Sigmoid passes δ/4 on (its slope is at most 1/4) and adds its own 4 ulp.
     */
    static double[][] reference(Sequential model, float[] images) {
        int features = model.inFeatures();
        double[] x = new double[COUNT * features], delta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = images[i];
        }
        for (Layer layer : model.layers()) {
            int in = layer.inFeatures(), out = layer.outFeatures();
            double[] y = new double[COUNT * out], dy = new double[y.length];
            for (int r = 0; r < COUNT; r++) {
                for (int o = 0; o < out; o++) {
                    int i = r * out + o;
                    if (layer instanceof Linear l) {
                        float[] w = l.weight().value();
                        double b = l.bias().value()[o];
                        double sum = b, magnitude = Math.abs(b), carried = 0;
                        for (int k = 0; k < in; k++) {
                            sum += w[o * in + k] * x[r * in + k];
                            magnitude += Math.abs(w[o * in + k] * x[r * in + k]);
                            carried += Math.abs(w[o * in + k]) * delta[r * in + k];
                        }
                        y[i] = sum;
                        dy[i] = (in + 2) * U * magnitude + carried + Double.MIN_NORMAL;
                    } else if (layer instanceof ReLU) {
                        y[i] = Math.max(0, x[i]);
                        dy[i] = delta[i];
                    } else if (layer instanceof Sigmoid) {
                        y[i] = 1 / (1 + Math.exp(-x[i]));
                        dy[i] = delta[i] / 4 + 4 * U * y[i];
                    } else {
                        throw new AssertionError(layer);
                    }
                }
            }
            x = y;
            delta = dy;
        }
        return new double[][] {x, delta};
    }

    static int argmax(float[] v, int row) {
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (v[row * CLASSES + c] > v[row * CLASSES + best]) {
                best = c;
            }
        }
        return best;
    }
}
