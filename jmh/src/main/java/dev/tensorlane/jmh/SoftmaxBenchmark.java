package dev.tensorlane.jmh;

import dev.tensorlane.internal.Kernels;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * Softmax and log-softmax over {@code rows × cols}, out of place. Score: operations per second; elements per
 * second is {@code score × rows × cols}. 4096×10 is the network's output layer (short rows: the per-row
 * overhead dominates), 1024×1000 an ImageNet-sized classifier, 32×32768 long rows (the row sum's accuracy path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class SoftmaxBenchmark {

    @Param({"vector", "scalar"})
    public String backend;

    /** rows × cols. */
    @Param({"4096x10", "1024x1000", "32x32768"})
    public String matrix;

    private Kernels kernels;
    private int rows;
    private int cols;
    private float[] x;
    private float[] y;

    @Setup
    public void setup() {
        kernels = Backends.of(backend);
        String[] parts = matrix.split("x");
        rows = Integer.parseInt(parts[0]);
        cols = Integer.parseInt(parts[1]);
        x = Backends.gaussian(7, rows * cols, 3);
        y = new float[rows * cols];
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] softmax() {
        kernels.softmax(rows, cols, x, 0, cols, y, 0, cols);
        return y;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] logSoftmax() {
        kernels.logSoftmax(rows, cols, x, 0, cols, y, 0, cols);
        return y;
    }
}
