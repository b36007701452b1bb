package dev.tensorlane.nn;

import java.lang.management.ManagementFactory;

/**
 * Trains one of the tutorial's networks on a fixed batch and reports the fewest bytes this thread allocated per
 * step over windows of steps. Loaded in its own class loader by {@link TrainingStepAllocationTest}, so that the
 * library's classes, their profiles and their JIT state are its own.
 */
public final class StepAllocationProbe {
    private StepAllocationProbe() {}

    /**
     * The smallest allocation per step seen in any window of {@code window} steps, trying for at most
     * {@code seconds} or until a window allocates {@code enough} bytes per step or fewer.
     */
    public static double fewestBytesPerStep(String modelName, int batch, int window, double seconds, double enough) {
        Sequential model = Models.byName(modelName, Models.Init.PYTORCH, 0);
        Adam adam = new Adam(model.parameters(), 1e-3f);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        float[] x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 17) / 17f - 0.5f;
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 10;
        }
        float[] dlogits = new float[batch * 10];
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double fewest = Double.POSITIVE_INFINITY;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && fewest > enough) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int step = 0; step < window; step++) {
                loss.forward(batch, 10, model.forward(batch, x), labels);
                loss.backward(batch, 10, labels, dlogits);
                model.backward(batch, x, dlogits);
                adam.step();
            }
            fewest = Math.min(fewest, (threads.getCurrentThreadAllocatedBytes() - before) / (double) window);
        }
        return fewest;
    }
}
