package dev.tensorlane.data;

/**
 * What is done to an image after the tutorial's {@code ToTensor} and {@code Normalize((0.5,), (0.5,))}, before the
 * network sees it. A model is only right on inputs prepared the way its training data were, so the model file
 * records this and {@code eval} and {@code predict} apply it.
 */
public enum Preprocessing {
    /** The tutorial's transform alone. */
    NONE,
    /** Then {@link Deskew}: for handwritten digits (it costs Fashion-MNIST accuracy). */
    DESKEW;

    /** Applies this preprocessing to a data set of square images, returning a new one (or the same for NONE). */
    public Mnist.Dataset apply(Mnist.Dataset data) {
        if (this == NONE) {
            return data;
        }
        return new Mnist.Dataset(data.count(), data.features(), apply(data.count(), data.features(), data.images()),
                data.labels(), data.classes());
    }

    /** Applies this preprocessing to {@code count} normalized images of {@code features} pixels, into a new array. */
    public float[] apply(int count, int features, float[] images) {
        if (this == NONE) {
            return images.clone();
        }
        int side = (int) Math.round(Math.sqrt(features));
        if (side * side != features) {
            throw new IllegalArgumentException("deskewing needs square images; " + features + " pixels is not a square");
        }
        float[] out = new float[images.length];
        Deskew.deskew(count, side, Mnist.BACKGROUND, images, out);
        return out;
    }
}
