package dev.tensorlane.jmh;

import dev.tensorlane.internal.Kernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;

/**
 * exp, sigmoid and relu over {@code size} floats, out of place (relu also in place). Score: operations per
 * second; elements per second is {@code score × size}. A good exp or sigmoid is compute-bound (several
 * Gelem/s on AVX2/AVX-512 at 10^5, which stays in L2); relu is memory-bound at 10^7.
 *
 * <p>{@code exp_jdkLanewise} is the JDK's {@code lanewise(EXP)} on the preferred species, for comparison only:
 * it is fast only where the JDK has an intrinsic for it (x86-64 Linux/Windows).
 *
 * <p>Forks run G1, the JVM's default, unlike the other benchmarks here (ParallelGC): G1 starts an array of half a
 * region or more on a region boundary, so the 10^7-float arrays sit at the same place in a cache line in every
 * fork, as in a user's default JVM, and relu's aligned start (see VectorActivations) is measured as it runs
 * there. Under ParallelGC their alignment changes from run to run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseG1GC"})
public class ElementwiseBenchmark {

    @Param({"vector", "scalar"})
    public String backend;

    @Param({"1000", "100000", "10000000"})
    public int size;

    private Kernels kernels;
    private float[] x;
    private float[] y;

    @Setup
    public void setup() {
        kernels = Backends.of(backend);
        x = Backends.gaussian(42, size, 5);
        y = new float[size];
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] exp() {
        kernels.exp(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] sigmoid() {
        kernels.sigmoid(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] relu() {
        kernels.relu(x, 0, y, 0, size);
        return y;
    }

    /** In place, as a network applies it to its own activations; repeated calls leave y unchanged after the first. */
    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] reluInPlace() {
        kernels.relu(y, 0, y, 0, size);
        return y;
    }

    /**
     * Memory speed, for reference: {@code System.arraycopy} moves the bytes relu moves out of place (read x,
     * write y) and does nothing else; a relu at memory speed scores the same. Not a kernel; needs no backend.
     */
    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] copy_memoryReference() {
        System.arraycopy(x, 0, y, 0, size);
        return y;
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Benchmark
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public float[] exp_jdkLanewise() {
        int i = 0;
        for (int bound = S.loopBound(size); i < bound; i += S.length()) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
        for (; i < size; i++) {
            y[i] = (float) Math.exp(x[i]);
        }
        return y;
    }
}
