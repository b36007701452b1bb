package dev.tensorlane.data;

import java.util.SplittableRandom;

/**
 * Mini-batches like {@code DataLoader(batch_size, shuffle=True)}: a seeded shuffle each epoch, an optional
 * drop-last, and batches copied into buffers the caller owns, so iterating allocates nothing.
 */
public final class Batches {
    private final Mnist.Dataset data;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;
    private final int[] order;
    private int epoch = -1;
    private int next;

    public Batches(Mnist.Dataset data, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be > 0");
        }
        if (batchSize > data.count()) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the data (" + data.count()
                    + " rows)");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
        this.order = new int[data.count()];
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        return dropLast ? data.count() / batchSize : (data.count() + batchSize - 1) / batchSize;
    }

    /** Starts the next epoch, reshuffling with a seed derived from the base seed and the epoch number. */
    public void startEpoch() {
        epoch++;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        next = 0;
    }

    /**
     * Copies the next batch into {@code x} ({@code batchSize × features}) and {@code labels}; returns its size,
     * or 0 when the epoch is over. The last batch may be smaller unless drop-last is set.
     */
    public int next(float[] x, int[] labels) {
        int remaining = order.length - next;
        int size = Math.min(batchSize, remaining);
        if (size == 0 || (dropLast && size < batchSize)) {
            return 0;
        }
        int f = data.features();
        for (int r = 0; r < size; r++) {
            int row = order[next + r];
            System.arraycopy(data.images(), row * f, x, r * f, f);
            labels[r] = data.labels()[row];
        }
        next += size;
        return size;
    }
}
