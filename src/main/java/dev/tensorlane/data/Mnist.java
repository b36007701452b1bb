package dev.tensorlane.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST-format data sets as the tutorial prepares them: each 28×28 image flattened to 784 floats by
 * {@code ToTensor} (bytes / 255) then {@code Normalize((0.5,), (0.5,))}, i.e. {@code x = byte / 127.5 − 1},
 * in [−1, 1]; labels as ints.
 */
public final class Mnist {
    private Mnist() {}

    /** The normalized value of a blank (0) pixel. */
    public static final float BACKGROUND = -1f;

    /** A data set in memory: {@code count × features} floats, row-major, and one label per row. */
    public record Dataset(int count, int features, float[] images, int[] labels, int classes) {
        public Dataset {
            if (images.length != (long) count * features || labels.length != count) {
                throw new IllegalArgumentException("images " + images.length + " / labels " + labels.length
                        + " do not match count " + count + " × features " + features);
            }
        }

        /** Rows [from, to) as a new data set. */
        public Dataset slice(int from, int to) {
            if (from < 0 || to > count || from > to) {
                throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + count + " rows");
            }
            return new Dataset(to - from, features, Arrays.copyOfRange(images, from * features, to * features),
                    Arrays.copyOfRange(labels, from, to), classes);
        }
    }

    /** A train and a test set. */
    public record Split(Dataset train, Dataset test, String description) {}

    /** Loads an image file and its label file, checking that they agree. */
    public static Dataset load(Path imagesFile, Path labelsFile, int classes) throws IOException {
        Idx.Images images = Idx.readImages(imagesFile);
        byte[] labels = Idx.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new IOException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds "
                    + labels.length + " labels");
        }
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ints[i] = labels[i] & 0xff;
            if (ints[i] >= classes) {
                throw new IOException(labelsFile + ": label " + ints[i] + " at index " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        return new Dataset(images.count(), images.pixelsPerImage(), normalize(images.pixels()), ints, classes);
    }

    /** {@code ToTensor} then {@code Normalize((0.5,), (0.5,))}: byte/255 in [0,1], then (v − 0.5)/0.5. */
    public static float[] normalize(byte[] pixels) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = ((pixels[i] & 0xff) / 255f - 0.5f) / 0.5f;
        }
        return x;
    }

    /**
     * A folder in torchvision's {@code MNIST/raw/} layout or Debian's {@code dataset-fashion-mnist} one:
     * {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-images-idx3-ubyte[.gz]},
     * {@code t10k-labels-idx1-ubyte[.gz]}.
     */
    public static Split loadDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory");
        }
        Dataset train = load(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"), 10);
        Dataset test = load(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"), 10);
        if (train.features() != test.features()) {
            throw new IOException(dir + ": train images have " + train.features() + " pixels, test images "
                    + test.features());
        }
        return new Split(train, test, dir + " (" + train.count() + " train, " + test.count() + " test)");
    }

    /**
     * The 10,000 MNIST digits shipped in {@code data/mnist-10k/} (see its README for provenance and licence):
     * the first 8,000 for training, the last 2,000 for testing.
     */
    public static Split loadEmbedded(Path dir) throws IOException {
        Dataset all = load(dir.resolve("mnist-10k-images-idx3-ubyte.gz"), dir.resolve("mnist-10k-labels-idx1-ubyte.gz"),
                10);
        int trainCount = all.count() * 4 / 5;
        return new Split(all.slice(0, trainCount), all.slice(trainCount, all.count()),
                "embedded MNIST sample (" + trainCount + " train, " + (all.count() - trainCount) + " test)");
    }

    private static Path find(Path dir, String name) throws IOException {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException(dir + ": neither " + name + " nor " + name + ".gz is there");
    }
}
