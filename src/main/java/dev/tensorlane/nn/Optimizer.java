package dev.tensorlane.nn;

/** Updates parameters from the gradients the last backward pass left. */
public interface Optimizer {
    void step();
}
