package dev.tensorlane.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tensorlane.data.Mnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One epoch on the full Fashion-MNIST (60,000 + 10,000) from Debian's {@code dataset-fashion-mnist}, which
 * {@code .ci/run} installs. Skipped, and says so, where the package is absent.
 */
class FashionMnistTrainingTest {

    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void oneEpochOnFullFashionMnistReachesEightyPercent() throws IOException {
        assumeTrue(Files.isDirectory(DEBIAN), "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        Mnist.Split data = Mnist.loadDirectory(DEBIAN);
        Sequential model = Models.mlp(Models.Init.PYTORCH, 0);
        double accuracy = TrainingTest.train(model, new Adam(model.parameters(), 1e-3f), data, 1, 0);
        assertTrue(accuracy >= 0.80, "Fashion-MNIST test accuracy after one epoch: " + accuracy);
    }
}
