package dev.tensorlane.jmh;

import dev.tensorlane.data.Batches;
import dev.tensorlane.data.Mnist;
import dev.tensorlane.nn.Adam;
import dev.tensorlane.nn.CrossEntropyLoss;
import dev.tensorlane.nn.Models;
import dev.tensorlane.nn.Sequential;
import org.openjdk.jmh.annotations.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One training epoch of Fashion-MNIST as {@code ./tensorlane train} runs it: 60,000 images in shuffled batches of 64,
 * forward, cross-entropy (label smoothing 0.1), backward, Adam, one thread, the data already in memory. This is the
 * loop {@code bench/pytorch_train.py} times on PyTorch's side.
 *
 * <p>Single-shot: each iteration is one epoch, so with {@code -wi 0} the first iteration of every fork is the cold
 * epoch that includes the JIT's compiling, and the later ones are steady. Reads Debian's
 * {@code /usr/share/datasets/fashion-mnist} when it is installed, else random images of the same size (the cost
 * of an epoch does not depend on the pixel values). The JVM's default collector, as the program has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 6)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EpochBenchmark {

    @Param({"64"})
    public int batch;

    private Sequential network;
    private Adam adam;
    private CrossEntropyLoss loss;
    private Batches batches;
    private float[] x, dlogits;
    private int[] labels;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dev.tensorlane.Tensorlane.setParallelism(1);
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        Mnist.Dataset train = Files.isDirectory(fashion) ? Mnist.loadDirectory(fashion).train() : synthetic(60_000);
        network = Models.mlp(Models.Init.PYTORCH, 0);
        adam = new Adam(network.parameters(), 1e-3f);
        loss = new CrossEntropyLoss(0.1f);
        batches = new Batches(train, batch, true, false, 0);
        x = new float[batch * train.features()];
        labels = new int[batch];
        dlogits = new float[batch * 10];
    }

    private static Mnist.Dataset synthetic(int count) {
        SplittableRandom random = new SplittableRandom(0);
        float[] images = new float[count * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble(-1, 1);
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(10);
        }
        return new Mnist.Dataset(count, 784, images, labels, 10);
    }

    @Benchmark
    public double epoch() {
        batches.startEpoch();
        double lossSum = 0;
        int n;
        while ((n = batches.next(x, labels)) > 0) {
            lossSum += loss.forward(n, 10, network.forward(n, x), labels);
            loss.backward(n, 10, labels, dlogits);
            network.backward(n, x, dlogits);
            adam.step();
        }
        return lossSum;
    }
}
