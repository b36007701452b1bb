package dev.tensorlane.jmh;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.Kernels;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Row-major C = A·B (square, {@code dim}³) and the fused linear layer of the tutorial's shapes,
 * Y = relu(X·Wᵀ + b) with W in nn.Linear's [out × in] layout. Score: operations per second;
 * GFLOP/s = score × 2·m·n·k / 1e9. On one AVX2/AVX-512 core, tens of GFLOP/s is the target range.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class GemmBenchmark {

    @State(Scope.Benchmark)
    public static class Square {
        @Param({"vector", "scalar"})
        public String backend;

        /** m = n = k. */
        @Param({"256", "512", "1024", "2048"})
        public int dim;

        Kernels kernels;
        float[] a, b, c;

        @Setup
        public void setup() {
            kernels = Backends.of(backend);
            a = Backends.gaussian(1, dim * dim, 1);
            b = Backends.gaussian(2, dim * dim, 1);
            c = new float[dim * dim];
        }
    }

    @State(Scope.Benchmark)
    public static class Linear {
        @Param({"vector", "scalar"})
        public String backend;

        /** batch × in × out. */
        @Param({"64x784x128", "64x784x256", "64x128x64", "64x64x10", "1x784x128"})
        public String layer;

        Kernels kernels;
        int m, k, n;
        float[] x, w, bias, y;

        @Setup
        public void setup() {
            kernels = Backends.of(backend);
            String[] p = layer.split("x");
            m = Integer.parseInt(p[0]);
            k = Integer.parseInt(p[1]);
            n = Integer.parseInt(p[2]);
            x = Backends.gaussian(3, m * k, 1);
            w = Backends.gaussian(4, n * k, 0.05);
            bias = Backends.gaussian(5, n, 0.1);
            y = new float[m * n];
        }
    }

    /** The public API with its fork-join split over bands of rows; threads = 1 runs on the caller only. */
    @State(Scope.Benchmark)
    public static class Threaded {
        @Param({"1", "2"})
        public int threads;

        @Param({"1024", "2048"})
        public int side;

        float[] a, b, c;

        @Setup
        public void setup() {
            dev.tensorlane.Tensorlane.setParallelism(threads);
            a = Backends.gaussian(1, side * side, 1);
            b = Backends.gaussian(2, side * side, 1);
            c = new float[side * side];
        }
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] gemmThreaded(Threaded s) {
        dev.tensorlane.Gemm.gemm(false, false, s.side, s.side, s.side, 1f, s.a, 0, s.side, s.b, 0, s.side, 0f,
                s.c, 0, s.side);
        return s.c;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] gemm(Square s) {
        s.kernels.gemm(false, false, s.dim, s.dim, s.dim, 1f, s.a, 0, s.dim, s.b, 0, s.dim, 0f, s.c, 0, s.dim,
                null, 0, Activation.IDENTITY, s.dim);
        return s.c;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] linearRelu(Linear s) {
        s.kernels.gemm(false, true, s.m, s.n, s.k, 1f, s.x, 0, s.k, s.w, 0, s.k, 0f, s.y, 0, s.n,
                s.bias, 0, Activation.RELU, s.m);
        return s.y;
    }
}
