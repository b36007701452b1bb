package dev.tensorlane.internal;

import dev.tensorlane.Activation;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a GEMM over bands of rows of C and runs the bands on a ForkJoinPool, the caller taking one band itself.
 *
 * <p><b>Bit-identical for every thread count.</b> A band is a sub-problem with fewer rows: each element of C is
 * still reduced in the same order over p, whichever band, path and tile it falls in: the cache-blocked path
 * (tiles of 8 or 4 rows) and the unblocked one (4 or 1 rows) both do one FMA chain per element, and a choice
 * between paths that round differently (dot products or not) depends on n, k and the rows of the whole product,
 * which every band is given, never on a band's m.
 * Columns are never split, so column tiles stay as they are. Band boundaries are multiples of 4 rows so full
 * tiles stay full.
 *
 * <p>Used only when the work, m·n·k, reaches {@link #minWork()}: by default 2^24 multiply-adds, a few tenths
 * of a millisecond on one core. Below that, waking another thread costs more than it saves. Measured: at 2^21,
 * the tutorial network's 64×784×128 layer (6.4M) was split, and a Fashion-MNIST training epoch took 0.7 s on
 * two threads against 0.5 s on one. A training step at batch 64 therefore stays on the caller and allocates
 * nothing; a split call allocates its fork-join tasks.
 */
public final class Parallel {
    private Parallel() {}

    private record Config(int threads, ForkJoinPool pool, long minWork) {}

    private static volatile Config config = new Config(Runtime.getRuntime().availableProcessors(), null, 1L << 24);

    /** Threads a large GEMM may use (the caller counts as one); 1 runs everything on the caller. */
    public static int threads() {
        return config.threads;
    }

    public static long minWork() {
        return config.minWork;
    }

    /**
     * Sets the parallelism: at most {@code threads} threads per call, the caller's and {@code threads − 1}
     * tasks on {@code pool} (the common pool when null).
     */
    public static void configure(int threads, ForkJoinPool pool, long minWork) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads + " must be >= 1");
        }
        if (minWork < 0) {
            throw new IllegalArgumentException("minWork=" + minWork + " must be >= 0");
        }
        config = new Config(threads, pool, minWork);
    }

    public static void gemm(Kernels kernels, boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc, float[] bias, int biasOff, Activation act) {
        Config cfg = config;
        int bands = Math.min(cfg.threads, (m + 3) / 4);
        if (bands <= 1 || (long) m * n * k < cfg.minWork) {
            kernels.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                    bias, biasOff, act, m);
            return;
        }
        int rowStepA = transA ? 1 : lda;
        // Rows per band, rounded up to a multiple of 4.
        int per = ((m + bands - 1) / bands + 3) / 4 * 4;
        ForkJoinPool pool = cfg.pool != null ? cfg.pool : ForkJoinPool.commonPool();
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[bands];
        int count = 0;
        for (int i0 = per; i0 < m; i0 += per) {
            int rows = Math.min(per, m - i0);
            int start = i0;
            tasks[count++] = pool.submit(() -> kernels.gemm(transA, transB, rows, n, k, alpha,
                    a, aOff + start * rowStepA, lda, b, bOff, ldb, beta, c, cOff + start * ldc, ldc,
                    bias, biasOff, act, m));
        }
        Throwable failure = null;
        try {
            kernels.gemm(transA, transB, Math.min(per, m), n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    ldc, bias, biasOff, act, m);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int t = 0; t < count; t++) {
            try {
                tasks[t].join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
