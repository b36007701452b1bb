package dev.tensorlane.io;

/** A tensor as a weight file's header declares it: its name, element type and shape (row-major order). */
public record TensorInfo(String name, Dtype dtype, int[] shape) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The product of the shape (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as PyTorch prints it, e.g. {@code [128, 784]}. */
    public String shapeString() {
        return java.util.Arrays.toString(shape);
    }
}
