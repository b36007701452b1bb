package dev.tensorlane.nn;

/** A trainable tensor: its values, the gradient the last backward pass left, and a PyTorch-style name. */
public record Parameter(String name, int[] shape, float[] value, float[] grad) {
    public Parameter {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (value.length != size || grad.length != size) {
            throw new IllegalArgumentException(name + ": shape size " + size + " but value " + value.length
                    + ", grad " + grad.length);
        }
    }

    public int size() {
        return value.length;
    }
}
