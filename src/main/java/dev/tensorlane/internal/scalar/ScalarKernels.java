package dev.tensorlane.internal.scalar;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.Kernels;

/** The backend for JVMs without a usable Vector API: plain Java, no incubator classes referenced. */
public final class ScalarKernels implements Kernels {
    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override public String name() { return "scalar"; }

    @Override public int vectorBitSize() { return 0; }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, Activation act, int productRows) {
        ScalarGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                bias, biasOff, act);
    }

    @Override
    public void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        ScalarSoftmax.softmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    @Override
    public void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        ScalarSoftmax.logSoftmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    @Override public void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        ScalarExp.exp(x, xOff, y, yOff, length);
    }

    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int length) {
        ScalarActivations.sigmoid(x, xOff, y, yOff, length);
    }

    @Override public void relu(float[] x, int xOff, float[] y, int yOff, int length) {
        ScalarActivations.relu(x, xOff, y, yOff, length);
    }

    @Override
    public void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        ScalarActivations.reluBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        ScalarActivations.sigmoidBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }
}
