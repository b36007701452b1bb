package dev.tensorlane.jmh;

import dev.tensorlane.nn.Adam;
import dev.tensorlane.nn.CrossEntropyLoss;
import dev.tensorlane.nn.Inference;
import dev.tensorlane.nn.Models;
import dev.tensorlane.nn.Sequential;
import dev.tensorlane.nn.Softmax;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * The tutorial's networks (784→128→64→10 ReLU and 784→256→10 sigmoid): one training step (forward,
 * cross-entropy, backward, Adam) and inference (forward and softmax), at batch 1, 64 and 10,000. Score: operations per second;
 * samples per second is score × batch. One thread. Runs on whichever backend the JVM picks (vector here, with the
 * module added below). {@code -prof gc} should show no allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class MlpBenchmark {

    @Param({"1", "64", "10000"})
    public int batch;

    /** mlp: 784→128→64→10 ReLU; sigmoid: the tutorial's 784→256→10 sigmoid network. */
    @Param({"mlp", "sigmoid"})
    public String model;

    private Sequential network;
    private Inference snapshot;
    private Adam adam;
    private CrossEntropyLoss loss;
    private Softmax softmax;
    private float[] x, dlogits, probabilities;
    private int[] labels;

    @Setup
    public void setup() {
        // One thread, like the PyTorch figures it is compared with (batch 10,000 would otherwise be split).
        dev.tensorlane.Tensorlane.setParallelism(1);
        network = Models.byName(model, Models.Init.PYTORCH, 0);
        adam = new Adam(network.parameters(), 1e-3f);
        snapshot = network.inference();
        loss = new CrossEntropyLoss();
        softmax = new Softmax(10);
        x = Backends.gaussian(1, batch * 784, 1);
        labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 10;
        }
        dlogits = new float[batch * 10];
        probabilities = new float[batch * 10];
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float trainStep() {
        float value = loss.forward(batch, 10, network.forward(batch, x), labels);
        loss.backward(batch, 10, labels, dlogits);
        network.backward(batch, x, dlogits);
        adam.step();
        return value;
    }

    /** Through the network's inference snapshot (weights pre-transposed), as evaluation and prediction run. */
    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] inference() {
        softmax.forward(batch, snapshot.forward(batch, x), probabilities);
        return probabilities;
    }

    /** The training forward pass (X·Wᵀ on the live weights) with the same softmax, for comparison with inference. */
    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] trainingForward() {
        softmax.forward(batch, network.forward(batch, x), probabilities);
        return probabilities;
    }
}
