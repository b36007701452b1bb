package dev.tensorlane.nn;

import java.util.SplittableRandom;

/** The PyTorch MNIST tutorial's networks. */
public final class Models {
    private Models() {}

    /** How weights start. */
    public enum Init {
        /** PyTorch's default for nn.Linear: uniform in ±1/√fan_in for weights and biases. */
        PYTORCH,
        /** The tutorial's {@code weight.normal_(std=0.01)}, {@code bias.fill_(0)}. */
        NORMAL_001
    }

    private static Linear linear(int in, int out, Init init, SplittableRandom random) {
        Linear l = new Linear(in, out);
        return init == Init.PYTORCH ? l.initPytorchDefault(random) : l.initNormal(0.01, random);
    }

    /** 784 → 128 → ReLU → 64 → ReLU → 10 (logits; add a softmax for probabilities). */
    public static Sequential mlp(Init init, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(linear(784, 128, init, random), new ReLU(128), linear(128, 64, init, random),
                new ReLU(64), linear(64, 10, init, random));
    }

    /** The tutorial's first network: 784 → 256 → sigmoid → 10 (logits). */
    public static Sequential sigmoid(Init init, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(linear(784, 256, init, random), new Sigmoid(256), linear(256, 10, init, random));
    }

    public static Sequential byName(String name, Init init, long seed) {
        return switch (name) {
            case "mlp" -> mlp(init, seed);
            case "sigmoid" -> sigmoid(init, seed);
            default -> throw new IllegalArgumentException("--model " + name + " is not one of mlp, sigmoid");
        };
    }
}
