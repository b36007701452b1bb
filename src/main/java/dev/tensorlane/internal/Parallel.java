package dev.tensorlane.internal;

import dev.tensorlane.Activation;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits a GEMM into chunks of rows of C, which the caller and up to {@code threads − 1} tasks on a ForkJoinPool
 * claim one at a time until none is left (see {@link #chunkRows}). The caller waits for the chunks, not for the
 * tasks: one that starts late finds nothing left, so a pool that is busy (or whose only thread is the caller)
 * slows a call down but never blocks it.
 *
 * <p><b>Bit-identical for every thread count.</b> A chunk is a sub-problem with fewer rows: each element of C is
 * still reduced in the same order over p, whichever chunk, path and tile it falls in: the cache-blocked path
 * (tiles of 8 or 4 rows) and the unblocked one (4 or 1 rows) both do one FMA chain per element, and a choice
 * between paths that round differently (dot products or not) depends on n, k and the rows of the whole product,
 * which every chunk is given, never on a chunk's m.
 * Columns are never split, so column tiles stay as they are. Chunk boundaries are multiples of 4 rows so full
 * tiles stay full.
 *
 * <p>Where the backend offers it ({@link Kernels#share}), a large product whose chunks would each pack all of B runs
 * instead as units that share one copy of A and one packing of B: pack units, then (group of columns, band of 64
 * rows) units of the same tiles. On a 2-vCPU VM (one-JVM A/B, two threads, four runs, JDK 17 / 25), against the
 * chunks: 1024³ 1.06–1.16 / 1.03–1.11, 1536³ 1.10–1.20 / 1.20–1.24 (three runs), 2048³ 0.95–1.11 / 0.94–1.12 (four
 * chunks there, two a thread, already balanced). The threads no longer pack B each, and the finer units let a thread
 * on a faster vCPU take more of them.
 *
 * <p>Used only when the work, m·n·k, reaches {@link #minWork()}: by default 2^24 multiply-adds, a few tenths
 * of a millisecond on one core. Below that, waking another thread costs more than it saves. Measured: at 2^21,
 * the tutorial network's 64×784×128 layer (6.4M) was split, and a Fashion-MNIST training epoch took 0.7 s on
 * two threads against 0.5 s on one. A training step at batch 64 therefore stays on the caller and allocates
 * nothing; a split call allocates its counters and fork-join tasks.
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
        Kernels.SharedProduct shared = kernels.share(bands, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, bias, biasOff, act);
        if (shared != null) {
            run(shared, cfg.pool, bands);
            return;
        }
        int rowStepA = transA ? 1 : lda;
        int rows = chunkRows(m, n, k, bands);
        int chunks = (m + rows - 1) / rows;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claim = () -> {
            for (int ch; (ch = next.getAndIncrement()) < chunks; ) {
                int i0 = ch * rows;
                try {
                    kernels.gemm(transA, transB, Math.min(rows, m - i0), n, k, alpha, a, aOff + i0 * rowStepA, lda,
                            b, bOff, ldb, beta, c, cOff + i0 * ldc, ldc, bias, biasOff, act, m);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        ForkJoinPool pool = cfg.pool != null ? cfg.pool : ForkJoinPool.commonPool();
        for (int t = 1; t < Math.min(bands, chunks); t++) {
            try {
                pool.execute(claim);
            } catch (RejectedExecutionException e) {
                break;   // a pool that was shut down (or is saturated): the caller takes the chunks itself
            }
        }
        claim.run();
        // Waits for the chunks, not for the tasks: a task that starts after the caller has taken every chunk
        // finds none and ends, so a busy pool only makes the caller do more of the work.
        awaitUninterruptibly(done);
        rethrow(failure.get());
    }

    /**
     * A shared product's units, claimed one at a time by the caller and up to {@code threads − 1} tasks on the pool:
     * the pack units first, then the compute units, which wait until every pack unit has ended. Only a unit that
     * some thread has claimed is ever waited for, and a thread runs its unit to the end, so a busy pool, or one shut
     * down, leaves more units to the caller but never blocks it.
     */
    private static void run(Kernels.SharedProduct product, ForkJoinPool configured, int threads) {
        int packs = product.packUnits(), units = packs + product.computeUnits();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch packed = new CountDownLatch(packs);
        CountDownLatch done = new CountDownLatch(units - packs);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claim = () -> {
            for (int u; (u = next.getAndIncrement()) < units; ) {
                if (u < packs) {
                    try {
                        product.pack(u);
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        packed.countDown();
                    }
                    continue;
                }
                awaitUninterruptibly(packed);
                try {
                    if (failure.get() == null) {
                        product.compute(u - packs);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        ForkJoinPool pool = configured != null ? configured : ForkJoinPool.commonPool();
        for (int t = 1; t < threads; t++) {
            try {
                pool.execute(claim);
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        claim.run();
        awaitUninterruptibly(done);
        rethrow(failure.get());
    }

    /** Waits for the latch; an interrupt is kept for the caller to see, not lost and not acted on midway. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable f) {
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /**
     * Rows per chunk of a split product. Chunks are claimed one at a time by whichever thread is free, so a thread
     * that runs slower hands its share to the others: on this project's two-vCPU VM one vCPU ran at half speed for
     * seconds at a time (two pinned single-thread processes: 51–53 against 100–105 GFLOP/s), and a fixed band per
     * thread made the call wait for the slow one. Up to eight chunks per thread, multiples of four rows (full
     * tiles stay full), never fewer chunks than threads, and no smaller than a backend needs to amortize packing
     * B, which every chunk does for itself: 512 rows (a pass of copied rows of A) where B has more than 128 Ki
     * floats, else 64 (B is then read in place).
     */
    static int chunkRows(int m, int n, int k, int threads) {
        int perThread = ((m + threads - 1) / threads + 3) / 4 * 4;
        int fine = ((m + 8 * threads - 1) / (8 * threads) + 3) / 4 * 4;
        int packing = (long) k * n > 128 * 1024 ? 512 : 64;
        return Math.max(fine, Math.min(packing, perThread));
    }
}
