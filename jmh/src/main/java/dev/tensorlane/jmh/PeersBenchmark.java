package dev.tensorlane.jmh;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Gemm;
import dev.tensorlane.Tensorlane;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * The same float matrix products through Tensorlane and its peers, in one run: netlib's Java backend
 * ({@code JavaBLAS}, its Vector API implementation when the module is present), netlib's JNI wrapper over the
 * system OpenBLAS ({@code NativeBLAS}; Debian's {@code libopenblas0-pthread}; hold it to one thread with
 * {@code OPENBLAS_NUM_THREADS=1}), and EJML's float dense row-major kernels. Score: operations per second;
 * GFLOP/s = score × 2·m·n·k / 1e9. The {@code linear} shapes are {@code batch×in×out} of the tutorial's
 * layers, computed as X·Wᵀ (nn.Linear's layout); Tensorlane also adds the bias and relu (fused), the peers do
 * not. The {@code tn} and {@code tt} shapes ({@code m×k×n}) are Aᵀ·B and Aᵀ·Bᵀ with A stored k×m and Bᵀ n×k, as a
 * backward pass needs them (a layer's weight gradient dYᵀ·X is Aᵀ·B). A peer that cannot run here (no native
 * OpenBLAS) fails its own benchmark only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC",
        "--enable-native-access=ALL-UNNAMED"})
public class PeersBenchmark {

    /** tensorlane runs on one thread like the other rows; tensorlane-mt on every processor (bands of rows). */
    @Param({"tensorlane", "tensorlane-mt", "netlib-java", "netlib-native", "ejml"})
    public String impl;

    /**
     * "gemm:N" for N³, "linear:BxIxO" for relu(X[B×I]·W[O×I]ᵀ + bias), "xb:BxIxO" for relu(X[B×I]·B[I×O] + bias),
     * "tn:MxKxN" for Aᵀ·B and "tt:MxKxN" for Aᵀ·Bᵀ (C is M×N; "tn:128x64x784" is the weight gradient of a 784→128
     * layer over a batch of 64).
     */
    @Param({"linear:64x784x128", "linear:64x784x256", "linear:64x128x64", "linear:64x64x10", "linear:1x784x128",
            "xb:64x784x128", "xb:64x784x256", "xb:64x128x64", "xb:64x64x10", "xb:1x784x128", "gemm:256", "gemm:512",
            "gemm:1024", "gemm:2048", "tn:128x64x784", "tn:1024x1024x1024", "tt:1024x1024x1024"})
    public String problem;

    private int m, n, k;
    private boolean linear, xb, transA, transB;
    private float[] a, b, bias, c;
    private BLAS blas;
    private FMatrixRMaj ea, eb, ec;

    @Setup
    public void setup() {
        String[] kind = problem.split(":");
        linear = kind[0].equals("linear");
        xb = kind[0].equals("xb");
        transA = kind[0].equals("tn") || kind[0].equals("tt");
        transB = kind[0].equals("tt");
        if (linear || xb || transA) {
            String[] p = kind[1].split("x");
            m = Integer.parseInt(p[0]);
            k = Integer.parseInt(p[1]);
            n = Integer.parseInt(p[2]);
        } else {
            m = n = k = Integer.parseInt(kind[1]);
        }
        a = Backends.gaussian(1, m * k, 1);
        b = Backends.gaussian(2, n * k, 0.05);   // linear: W [n×k]; gemm: B [k×n]
        bias = Backends.gaussian(3, n, 0.1);
        c = new float[m * n];
        switch (impl) {
            case "tensorlane" -> Tensorlane.setParallelism(1);
            case "tensorlane-mt" -> Tensorlane.setParallelism(Runtime.getRuntime().availableProcessors());
            case "netlib-java" -> blas = JavaBLAS.getInstance();
            case "netlib-native" -> blas = NativeBLAS.getInstance();
            case "ejml" -> {
                ea = transA ? FMatrixRMaj.wrap(k, m, a) : FMatrixRMaj.wrap(m, k, a);
                eb = linear || transB ? FMatrixRMaj.wrap(n, k, b) : FMatrixRMaj.wrap(k, n, b);
                ec = FMatrixRMaj.wrap(m, n, c);
            }
            default -> throw new IllegalArgumentException("impl=" + impl);
        }
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] multiply() {
        switch (impl) {
            case "tensorlane", "tensorlane-mt" -> {
                if (linear) {
                    FusedLinear.linear(m, n, k, a, 0, k, b, 0, k, bias, 0, Activation.RELU, c, 0, n);
                } else if (xb) {
                    FusedLinear.matmulBias(m, n, k, a, 0, k, b, 0, n, bias, 0, Activation.RELU, c, 0, n);
                } else if (transA) {
                    Gemm.gemm(true, transB, m, n, k, 1f, a, 0, m, b, 0, transB ? k : n, 0f, c, 0, n);
                } else {
                    Gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                }
            }
            case "ejml" -> {
                if (linear) {
                    CommonOps_FDRM.multTransB(ea, eb, ec);
                } else if (transB) {
                    CommonOps_FDRM.multTransAB(ea, eb, ec);
                } else if (transA) {
                    CommonOps_FDRM.multTransA(ea, eb, ec);
                } else {
                    CommonOps_FDRM.mult(ea, eb, ec);
                }
            }
            default -> {
                // Column-major: row-major C = X·Wᵀ is Cᵀ = W·Xᵀ; row-major C = op(A)·op(B) is Cᵀ = op(B)ᵀ·op(A)ᵀ.
                if (linear) {
                    blas.sgemm("T", "N", n, m, k, 1f, b, k, a, k, 0f, c, n);
                } else if (transA) {
                    blas.sgemm(transB ? "T" : "N", "T", n, m, k, 1f, b, transB ? k : n, a, m, 0f, c, n);
                } else {
                    blas.sgemm("N", "N", n, m, k, 1f, b, n, a, k, 0f, c, n);
                }
            }
        }
        return c;
    }
}
