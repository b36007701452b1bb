package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.data.Batches;
import dev.tensorlane.data.Mnist;
import dev.tensorlane.data.Preprocessing;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** End to end on the embedded MNIST sample: a real threshold that fails if training is broken. */
class TrainingTest {

    static double train(Sequential model, Optimizer optimizer, Mnist.Split data, int epochs, long seed) {
        return train(model, optimizer, data, epochs, seed, new CrossEntropyLoss());
    }

    static double train(Sequential model, Optimizer optimizer, Mnist.Split data, int epochs, long seed,
            CrossEntropyLoss loss) {
        Batches batches = new Batches(data.train(), 64, true, false, seed);
        float[] x = new float[64 * 784];
        int[] labels = new int[64];
        float[] dlogits = new float[64 * 10];
        for (int e = 0; e < epochs; e++) {
            batches.startEpoch();
            int n;
            while ((n = batches.next(x, labels)) > 0) {
                loss.forward(n, 10, model.forward(n, x), labels);
                loss.backward(n, 10, labels, dlogits);
                model.backward(n, x, dlogits);
                optimizer.step();
            }
        }
        return Evaluation.evaluate(model, data.test(), 500).accuracy();
    }

    /** PyTorch 1.13 with the same recipe and split reaches 0.89 (seed 0) and 0.89 (seed 1) after 3 epochs. */
    @Test
    void threeEpochsOfAdamReachEightySevenPercentOnTheEmbeddedSample() throws IOException {
        Mnist.Split data = Mnist.loadEmbedded(Path.of("data", "mnist-10k"));
        Sequential model = Models.mlp(Models.Init.PYTORCH, 0);
        Evaluation.Result before = Evaluation.evaluate(model, data.test(), 500);
        assertTrue(before.accuracy() < 0.3, "untrained accuracy " + before.accuracy());
        double accuracy = train(model, new Adam(model.parameters(), 1e-3f), data, 3, 0);
        assertTrue(accuracy >= 0.87, "test accuracy after 3 epochs: " + accuracy);
    }

    /**
     * {@code ./tensorlane}'s defaults: the digits deskewed, label smoothing 0.1, Adam 1e-3, batch 64, 10 epochs.
     * Seed 0 gives 0.955 on the SIMD backends and 0.958 on the scalar one; seeds 0–4 gave 0.955–0.9645, and
     * PyTorch with the same recipe 0.9615–0.9635 ({@code bench/pytorch_embedded.py}).
     */
    @Test
    void theDefaultRecipeReachesNinetyFivePercentOnTheEmbeddedSample() throws IOException {
        Mnist.Split raw = Mnist.loadEmbedded(Path.of("data", "mnist-10k"));
        Mnist.Split data = new Mnist.Split(Preprocessing.DESKEW.apply(raw.train()), Preprocessing.DESKEW.apply(raw.test()),
                raw.description());
        Sequential model = Models.mlp(Models.Init.PYTORCH, 0);
        double accuracy = train(model, new Adam(model.parameters(), 1e-3f), data, 10, 0, new CrossEntropyLoss(0.1f));
        assertTrue(accuracy >= 0.95, "test accuracy after 10 epochs: " + accuracy);
    }

    @Test
    void sgdWithMomentumTrainsTheSigmoidNetwork() throws IOException {
        Mnist.Split data = Mnist.loadEmbedded(Path.of("data", "mnist-10k"));
        Sequential model = Models.sigmoid(Models.Init.NORMAL_001, 1);
        double accuracy = train(model, new Sgd(model.parameters(), 0.1f, 0.9f, 0f), data, 1, 1);
        assertTrue(accuracy >= 0.85, "test accuracy after 1 epoch: " + accuracy);
    }

    @Test
    void sameSeedSameResult() throws IOException {
        Mnist.Split data = Mnist.loadEmbedded(Path.of("data", "mnist-10k"));
        Mnist.Split small = new Mnist.Split(data.train().slice(0, 640), data.test().slice(0, 500), "small");
        Sequential a = Models.mlp(Models.Init.PYTORCH, 7), b = Models.mlp(Models.Init.PYTORCH, 7);
        double ra = train(a, new Adam(a.parameters(), 1e-3f), small, 1, 3);
        double rb = train(b, new Adam(b.parameters(), 1e-3f), small, 1, 3);
        assertEquals(ra, rb);
        assertArrayEquals(a.parameters().get(0).value(), b.parameters().get(0).value());
    }

    @Test
    void mismatchedLayersAndBadBatchesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(new Linear(4, 3), new ReLU(5)));
        assertTrue(e.getMessage().contains("takes 5 features"), e.getMessage());
        Sequential model = new Sequential(new Linear(4, 3));
        e = assertThrows(IllegalArgumentException.class, () -> model.forward(0, new float[4]));
        assertTrue(e.getMessage().contains("batch=0"));
        e = assertThrows(IllegalArgumentException.class, () -> model.forward(2, new float[4]));
        assertTrue(e.getMessage().contains("needs 8"));
        e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(1, 3, new float[3], new int[] {3}));
        assertTrue(e.getMessage().contains("label 3 at row 0"));
    }
}
