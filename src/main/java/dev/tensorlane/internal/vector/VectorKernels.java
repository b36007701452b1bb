package dev.tensorlane.internal.vector;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.Kernels;

/** The Vector API backend; instantiated reflectively by KernelsProvider. */
public final class VectorKernels implements Kernels {

    public VectorKernels() {
        // Touch the species here, so an unusable Vector API fails the reflective load, not a later kernel call.
        if (VectorConstants.LANES < 1) {
            throw new IllegalStateException("no float lanes");
        }
    }

    @Override public String name() { return "vector"; }

    @Override public int vectorBitSize() { return VectorConstants.FLOAT.vectorBitSize(); }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, Activation act, int productRows) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                bias, biasOff, act, productRows);
    }

    @Override
    public SharedProduct share(int threads, boolean transA, boolean transB, int m, int n, int k,
                               float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float beta, float[] c, int cOff, int ldc, float[] bias, int biasOff, Activation act) {
        return VectorGemm.share(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                bias, biasOff, act);
    }

    @Override
    public void softmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        VectorSoftmax.softmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    @Override
    public void logSoftmax(int rows, int cols, float[] x, int xOff, int ldx, float[] y, int yOff, int ldy) {
        VectorSoftmax.logSoftmax(rows, cols, x, xOff, ldx, y, yOff, ldy);
    }

    @Override public void exp(float[] x, int xOff, float[] y, int yOff, int length) {
        VectorExp.exp(x, xOff, y, yOff, length);
    }

    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int length) {
        VectorActivations.sigmoid(x, xOff, y, yOff, length);
    }

    @Override public void relu(float[] x, int xOff, float[] y, int yOff, int length) {
        VectorActivations.relu(x, xOff, y, yOff, length);
    }

    @Override
    public void reluBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        VectorActivations.reluBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }

    @Override
    public void sigmoidBackward(float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, int length) {
        VectorActivations.sigmoidBackward(y, yOff, dy, dyOff, dx, dxOff, length);
    }
}
