package dev.tensorlane.cli;

import dev.tensorlane.nn.Adam;
import dev.tensorlane.nn.CrossEntropyLoss;
import dev.tensorlane.nn.Models;
import dev.tensorlane.nn.Sequential;

import java.util.SplittableRandom;

/**
 * Trains a throwaway copy of the network, on random inputs, in a background thread while the data set loads, so
 * that the JIT has compiled the kernels when the first real batch comes. The kernels are stateless and the copy
 * shares nothing with the real model, so the training run's numbers are the same with or without it (the compiled
 * kernels give the interpreter's bits: {@code JitDeterminismTest}).
 */
final class JitWarmup {
    /** Enough steps for C2 to have compiled a training step's kernels; loading stops it sooner. */
    private static final int MAX_STEPS = 600;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int steps;

    private JitWarmup(Sequential model, int batch, float smoothing) {
        thread = new Thread(() -> run(model, batch, smoothing), "tensorlane-jit-warmup");
        thread.setDaemon(true);
    }

    /**
     * Starts warming up for this model (as {@link Models#byName} names it; a bad name throws here, on the
     * caller's thread), batch size and label smoothing (the loss takes the same branches as in the real run).
     */
    static JitWarmup start(String modelName, int batch, float smoothing) {
        JitWarmup warmup = new JitWarmup(Models.byName(modelName, Models.Init.PYTORCH, 1), batch, smoothing);
        warmup.thread.start();
        return warmup;
    }

    private void run(Sequential model, int batch, float smoothing) {
        try {
            steps(model, batch, smoothing);
        } catch (RuntimeException | OutOfMemoryError e) {
            // Only a warm-up: the real run reports its own errors.
        }
    }

    private void steps(Sequential model, int batch, float smoothing) {
        Adam adam = new Adam(model.parameters(), 1e-3f);
        CrossEntropyLoss loss = new CrossEntropyLoss(smoothing);
        int features = model.inFeatures(), classes = model.outFeatures();
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[batch * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        float[] dlogits = new float[batch * classes];
        for (int step = 0; step < MAX_STEPS && !stop; step++) {
            loss.forward(batch, classes, model.forward(batch, x), labels);
            loss.backward(batch, classes, labels, dlogits);
            model.backward(batch, x, dlogits);
            adam.step();
            steps = step + 1;
        }
    }

    /** Steps taken so far. */
    int steps() {
        return steps;
    }

    /**
     * Stops the warm-up after its current step, without waiting for it: the first steps run interpreted and
     * take hundreds of milliseconds, and a short load (the embedded sample) must not wait on one.
     */
    void stop() {
        stop = true;
    }

    /** Waits up to {@code millis} for the thread to end (after {@link #stop}); true if it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
