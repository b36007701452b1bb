package dev.tensorlane;

import dev.tensorlane.internal.Checks;
import dev.tensorlane.internal.KernelsProvider;
import dev.tensorlane.internal.Parallel;

/**
 * Fused matrix multiply, bias and activation: one pass that leaves Y finished, with bias and activation applied
 * to each register tile just before it is stored, not as extra passes over Y.
 *
 * <ul>
 *   <li>{@link #linear}: {@code Y = act(X·Wᵀ + bias)} with W stored {@code [n × k]}, the layout of PyTorch's
 *       {@code nn.Linear} ({@code out_features × in_features}).</li>
 *   <li>{@link #matmulBias}: {@code Y = act(X·B + bias)} with B stored {@code [k × n]}, the tutorial's
 *       {@code torch.mm(x, w1) + b1}.</li>
 * </ul>
 * X is m×k ({@code ldx >= k}), Y is m×n ({@code ldy >= n}), bias has n elements from {@code biasOff} or is null
 * for none. Y must not share memory with X, W/B or bias.
 *
 * <p><b>Error bound.</b> Before the activation, each element is within {@code k·2⁻²³·(|X|·|op(W)|)_ij} of the
 * exact value, plus one rounding for the bias; relu adds no error, sigmoid adds its own (see
 * {@link Activations#sigmoid}). Exceptions and threading are those of {@link Gemm}; Y is untouched when an
 * exception is thrown.
 */
public final class FusedLinear {
    private FusedLinear() {}

    /** {@code Y = act(X·Wᵀ + bias)}, W is {@code [n × k]} with row stride {@code ldw >= k}. */
    public static void linear(int m, int n, int k, float[] x, int xOff, int ldx, float[] w, int wOff, int ldw,
                              float[] bias, int biasOff, Activation act, float[] y, int yOff, int ldy) {
        run(true, m, n, k, x, xOff, ldx, w, wOff, ldw, bias, biasOff, act, y, yOff, ldy);
    }

    /** {@code Y = act(X·B + bias)}, B is {@code [k × n]} with row stride {@code ldb >= n}. */
    public static void matmulBias(int m, int n, int k, float[] x, int xOff, int ldx, float[] b, int bOff, int ldb,
                                  float[] bias, int biasOff, Activation act, float[] y, int yOff, int ldy) {
        run(false, m, n, k, x, xOff, ldx, b, bOff, ldb, bias, biasOff, act, y, yOff, ldy);
    }

    private static void run(boolean transW, int m, int n, int k, float[] x, int xOff, int ldx,
                            float[] w, int wOff, int ldw, float[] bias, int biasOff, Activation act,
                            float[] y, int yOff, int ldy) {
        Checks.notNull(act, "act");
        Gemm.checkGemm(false, transW, m, n, k, x, xOff, ldx, w, wOff, ldw, y, yOff, ldy);
        if (bias != null) {
            Checks.range(bias, "bias", biasOff, n);
            Checks.noOverlap(y, "y", yOff, ldy, m, n, bias, "bias", biasOff, n, 1, n);
        }
        Parallel.gemm(KernelsProvider.get(), false, transW, m, n, k, 1f, x, xOff, ldx, w, wOff, ldw, 0f, y, yOff, ldy,
                bias, biasOff, act);
    }
}
