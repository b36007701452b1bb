package dev.tensorlane.io;

import java.util.Objects;

/** A named float tensor to write: row-major values and their shape. The array is used as is, not copied. */
public record Tensor(String name, int[] shape, float[] values) {
    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a tensor name must not be empty");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in shape " + java.util.Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": shape " + java.util.Arrays.toString(shape) + " holds " + n
                    + " values, the array " + values.length);
        }
        shape = shape.clone();
    }
}
