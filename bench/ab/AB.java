import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One-JVM A/B of GEMM builds: each build in its own class loader, called in turn round after round, so that every
 * build meets the same phases of a shared, noisy machine. Prints, per problem, each build's median and best GFLOP/s
 * and the median over rounds of its rate divided by the first build's rate in the same round.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Dwork=2e9 bench/ab/AB.java BUILDS PROBLEMS ROUNDS
 *   BUILDS    comma-separated: a folder or jar of Tensorlane classes (bench/ab/build makes one), optionally
 *             followed by @THREADS (default 1); or openblas=JAR, OpenBLAS's sgemm through netlib's JNI wrapper
 *             from a jar that holds dev.ludovic.netlib:blas (jmh/target/benchmarks.jar does); or the pure-Java
 *             peers from such a jar: netlib=JAR, netlib's JavaBLAS (its VectorBLAS where the Vector API is there),
 *             and ejml=JAR, EJML's CommonOps_FDRM over FMatrixRMaj wrapping the same arrays; or read, a bound
 *             rather than a product: A and B read once (a vector sum of each), the rate at which a product would
 *             run if it took no longer than that read (for a single row, where each float of B is used once)
 *   PROBLEMS  comma-separated: xb:M:K:N      relu(X·B + b), X M×K, B K×N (FusedLinear.matmulBias)
 *                              linear:M:K:N  relu(X·Wᵀ + b), W N×K (FusedLinear.linear)
 *                              xbi, lineari  the same with the bias only (Activation.IDENTITY)
 *                              gNN:M:K:N, gNT, gTN, gTT  C = op(A)·op(B) (Gemm.gemm), T for a transposed operand
 *             OpenBLAS and the peers compute the product alone for these four (no bias, no relu).
 *   ROUNDS    measured rounds, after at least 5 rounds and 3 s of warm-up; each round runs every build for
 *             about -Dwork flops (default 2e9); -DperRound=true also prints every round's rates
 * </pre>
 *
 * Tensorlane builds of one problem are also compared bit for bit: "DIFFERENT BITS" flags a result that differs
 * from the first build's. Set OPENBLAS_NUM_THREADS=1 for one-thread OpenBLAS.
 */
public class AB {
    interface Call {
        void run() throws Throwable;
    }

    record Problem(String kind, int m, int k, int n) {
        static Problem parse(String s) {
            String[] p = s.split(":");
            if (p.length != 4 || !p[0].matches("xbi?|lineari?|g[NT][NT]")) {
                throw new IllegalArgumentException("problem " + s
                        + ": expected xb|xbi|linear|lineari|gNN|gNT|gTN|gTT:M:K:N");
            }
            return new Problem(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
        }

        boolean transA() {
            return kind.startsWith("gT");
        }

        boolean transB() {
            return kind.startsWith("linear") || kind.endsWith("T") && kind.startsWith("g");
        }
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 3) {
            System.err.println("usage: AB BUILD[,BUILD...] PROBLEM[,PROBLEM...] ROUNDS (see the class comment)");
            System.exit(2);
        }
        String[] builds = args[0].split(",");
        int rounds = Integer.parseInt(args[2]);
        double work = Double.parseDouble(System.getProperty("work", "2e9"));
        for (String spec : args[1].split(",")) {
            Problem pr = Problem.parse(spec);
            SplittableRandom random = new SplittableRandom(7);
            float[] a = uniform(random, pr.m * pr.k), b = uniform(random, pr.k * pr.n), bias = uniform(random, pr.n);
            float[][] out = new float[builds.length][pr.m * pr.n];
            Call[] calls = new Call[builds.length];
            boolean[] tensorlane = new boolean[builds.length];
            boolean[] bound = new boolean[builds.length];
            for (int d = 0; d < builds.length; d++) {
                if (builds[d].startsWith("openblas=")) {
                    calls[d] = blas(builds[d].substring("openblas=".length()), "NativeBLAS", pr, a, b, out[d]);
                } else if (builds[d].startsWith("netlib=")) {
                    calls[d] = blas(builds[d].substring("netlib=".length()), "JavaBLAS", pr, a, b, out[d]);
                } else if (builds[d].startsWith("ejml=")) {
                    calls[d] = ejml(builds[d].substring("ejml=".length()), pr, a, b, out[d]);
                } else if (builds[d].equals("read")) {
                    calls[d] = read(a, b, out[d]);
                    bound[d] = true;
                } else {
                    tensorlane[d] = true;
                    calls[d] = tensorlane(builds[d], pr, a, b, bias, out[d]);
                }
            }
            double flop = 2.0 * pr.m * pr.n * pr.k;
            long reps = Math.max(1, (long) (work / flop));
            double[][] rate = new double[builds.length][rounds];
            // Warm-up: at least five rounds and three seconds. With 4 ms rounds, JDK 25 was still running the Vector
            // API's fallback code (not yet compiled by C2) 1.3 s in (JFR).
            long warmUpEnd = System.nanoTime() + 3_000_000_000L;
            for (int round = 0; round < 5 || System.nanoTime() < warmUpEnd; round++) {
                for (Call call : calls) {
                    for (long i = 0; i < reps; i++) {
                        call.run();
                    }
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int d = 0; d < builds.length; d++) {
                    long t0 = System.nanoTime();
                    for (long i = 0; i < reps; i++) {
                        calls[d].run();
                    }
                    rate[d][round] = reps * flop / (System.nanoTime() - t0);
                }
            }
            if (Boolean.getBoolean("perRound")) {
                // Each round's rates, to tell a machine's phases apart (a shared core runs whole rounds slower).
                for (int round = 0; round < rounds; round++) {
                    StringBuilder row = new StringBuilder(String.format("  round %2d", round));
                    for (int d = 0; d < builds.length; d++) {
                        row.append(String.format(" %s %.1f", name(builds[d]), rate[d][round]));
                    }
                    System.out.println(row);
                }
            }
            StringBuilder line = new StringBuilder(String.format("%-22s", spec));
            int first = -1;
            for (int d = 0; d < builds.length; d++) {
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = rate[d][r] / rate[0][r];
                }
                double[] sorted = rate[d].clone();
                Arrays.sort(sorted);
                line.append(String.format(" | %s med %.1f max %.1f ratio %.3f", name(builds[d]), median(rate[d]),
                        sorted[rounds - 1], median(ratio)));
                if (tensorlane[d]) {
                    if (first < 0) {
                        first = d;
                    } else if (!Arrays.equals(out[first], out[d])) {
                        line.append(" (DIFFERENT BITS)");
                    }
                }
            }
            for (int d = 0; d < builds.length && first >= 0; d++) {
                // A check of the wrapper's arguments: OpenBLAS's plain product against the first Tensorlane build's.
                if (!tensorlane[d] && !bound[d] && pr.kind.startsWith("g") && !close(out[first], out[d], pr.k)) {
                    line.append(" (").append(name(builds[d])).append(" DISAGREES WITH ").append(name(builds[first]))
                            .append(')');
                }
            }
            System.out.println(line);
        }
    }

    private static Call tensorlane(String build, Problem pr, float[] a, float[] b, float[] bias, float[] c)
            throws Throwable {
        int at = build.lastIndexOf('@');
        int threads = at < 0 ? 1 : Integer.parseInt(build.substring(at + 1));
        ClassLoader loader = loader(at < 0 ? build : build.substring(0, at));
        Class.forName("dev.tensorlane.Tensorlane", true, loader).getMethod("setParallelism", int.class)
                .invoke(null, threads);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        int m = pr.m, k = pr.k, n = pr.n;
        if (pr.kind.startsWith("g")) {
            MethodHandle gemm = lookup.findStatic(Class.forName("dev.tensorlane.Gemm", true, loader), "gemm",
                    MethodType.methodType(void.class, boolean.class, boolean.class, int.class, int.class, int.class,
                            float.class, float[].class, int.class, int.class, float[].class, int.class, int.class,
                            float.class, float[].class, int.class, int.class));
            boolean ta = pr.transA(), tb = pr.transB();
            int lda = ta ? m : k, ldb = tb ? k : n;
            // Block lambdas: invokeExact's type comes from its statement, here void.
            return () -> {
                gemm.invokeExact(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
            };
        }
        Class<?> activation = Class.forName("dev.tensorlane.Activation", true, loader);
        Object act = activation.getField(pr.kind.endsWith("i") ? "IDENTITY" : "RELU").get(null);
        boolean linear = pr.kind.startsWith("linear");
        MethodHandle fused = lookup.findStatic(Class.forName("dev.tensorlane.FusedLinear", true, loader),
                linear ? "linear" : "matmulBias", MethodType.methodType(void.class, int.class, int.class, int.class,
                        float[].class, int.class, int.class, float[].class, int.class, int.class, float[].class,
                        int.class, activation, float[].class, int.class, int.class));
        MethodHandle call = fused.asType(fused.type().changeParameterType(11, Object.class));
        int ldb = linear ? k : n;
        return () -> {
            call.invokeExact(m, n, k, a, 0, k, b, 0, ldb, bias, 0, act, c, 0, n);
        };
    }

    /**
     * netlib's BLAS {@code implementation} (NativeBLAS: OpenBLAS; JavaBLAS: pure Java). Row-major C = op(A)·op(B) is
     * column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: B first, with the transposes swapped in.
     */
    private static Call blas(String jar, String implementation, Problem pr, float[] a, float[] b, float[] c)
            throws Throwable {
        ClassLoader loader = loader(jar);
        Class<?> blasClass = Class.forName("dev.ludovic.netlib.blas.BLAS", true, loader);
        Object blas = Class.forName("dev.ludovic.netlib.blas." + implementation, true, loader)
                .getMethod("getInstance").invoke(null);
        MethodHandle sgemm = MethodHandles.publicLookup().findVirtual(blasClass, "sgemm",
                MethodType.methodType(void.class, String.class, String.class, int.class, int.class, int.class,
                        float.class, float[].class, int.class, float[].class, int.class, float.class, float[].class,
                        int.class)).bindTo(blas);
        int m = pr.m, k = pr.k, n = pr.n;
        boolean ta = pr.transA(), tb = pr.transB();
        String opA = ta ? "T" : "N", opB = tb ? "T" : "N";
        int lda = ta ? m : k, ldb = tb ? k : n;
        return () -> {
            sgemm.invokeExact(opB, opA, n, m, k, 1f, b, ldb, a, lda, 0f, c, n);
        };
    }

    /** EJML's dense row-major product over matrices that wrap the same arrays (no copy), as PeersBenchmark calls it. */
    private static Call ejml(String jar, Problem pr, float[] a, float[] b, float[] c) throws Throwable {
        ClassLoader loader = loader(jar);
        Class<?> matrix = Class.forName("org.ejml.data.FMatrixRMaj", true, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle wrap = lookup.findStatic(matrix, "wrap", MethodType.methodType(matrix, int.class, int.class,
                float[].class));
        boolean ta = pr.transA(), tb = pr.transB();
        Object ea = ta ? wrap.invoke(pr.k, pr.m, a) : wrap.invoke(pr.m, pr.k, a);
        Object eb = tb ? wrap.invoke(pr.n, pr.k, b) : wrap.invoke(pr.k, pr.n, b);
        Object ec = wrap.invoke(pr.m, pr.n, c);
        String op = ta && tb ? "multTransAB" : ta ? "multTransA" : tb ? "multTransB" : "mult";
        Class<?> row = Class.forName("org.ejml.data.FMatrix1Row", true, loader);
        // Generic <T extends FMatrix1Row> T mult(T, T, T): FMatrix1Row throughout once erased; the result is C.
        MethodHandle mult = lookup.findStatic(Class.forName("org.ejml.dense.row.CommonOps_FDRM", true, loader), op,
                        MethodType.methodType(row, row, row, row))
                .asType(MethodType.methodType(void.class, Object.class, Object.class, Object.class));
        return () -> {
            mult.invokeExact(ea, eb, ec);
        };
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * The "read" bound: every float of A and B loaded once, in order, into four independent vector sums (the sum goes
     * to c[0], so that the loads are not dead code). Streaming reads are the fastest way through the operands, so a
     * product that must use every float of B once (a single row) cannot beat this rate by much.
     */
    private static Call read(float[] a, float[] b, float[] c) {
        return () -> {
            c[0] = sum(a) + sum(b);
        };
    }

    private static float sum(float[] v) {
        int l = SPECIES.length();
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 4 * l <= v.length; i += 4 * l) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, v, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, v, i + l));
            s2 = s2.add(FloatVector.fromArray(SPECIES, v, i + 2 * l));
            s3 = s3.add(FloatVector.fromArray(SPECIES, v, i + 3 * l));
        }
        float tail = 0f;
        for (; i < v.length; i++) {
            tail += v[i];
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD) + tail;
    }

    private static ClassLoader loader(String path) throws Exception {
        URL url = Path.of(path).toUri().toURL();
        return new URLClassLoader(new URL[] {url}, AB.class.getClassLoader());
    }

    private static String name(String build) {
        int eq = build.indexOf('=');
        String path = eq > 0 ? build.substring(0, eq) : build;
        return Path.of(path.replace('@', '_')).getFileName().toString();
    }

    private static float[] uniform(SplittableRandom random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextDouble(-0.5, 0.5);
        }
        return v;
    }

    /** Within a bound well above float rounding over k terms of magnitude at most 1/4 each. */
    private static boolean close(float[] x, float[] y, int k) {
        double bound = 1e-5 * k;
        for (int i = 0; i < x.length; i++) {
            if (!(Math.abs(x[i] - y[i]) <= bound)) {
                return false;
            }
        }
        return true;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }
}
