package dev.tensorlane.internal.vector;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.Cpu;
import dev.tensorlane.internal.HeapLayout;
import dev.tensorlane.internal.Kernels;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with a bias and activation epilogue, register-blocked on the Vector API.
 *
 * <p>The micro-kernel keeps a tile of {@value #MR} rows × 2 vectors of C in registers across all of k: per step
 * of p it loads two vectors of a row of op(B), broadcasts four elements of op(A) and issues eight FMAs
 * (8 accumulators + 2 B vectors + 1 broadcast = 11 registers, within the 16 of AVX2). op(A) is read with
 * strides, so transposed A costs nothing extra; on AVX-512, where B is wide enough, the eight-row tiles read its
 * rows copied at a constant stride instead ({@link #A_STRIDE}). A·Bᵀ (nn.Linear's X·Wᵀ) runs as dot products
 * ({@link #dotProducts}) except for shallow full tiles, where Bᵀ is packed into a per-thread buffer first,
 * shallow ones narrower than a tile ({@link #narrow}), and deep products of {@link #TRANSPOSED_MIN_ROWS} rows or
 * more, whose Bᵀ is packed into panels as A·B's B is;
 * Aᵀ·Bᵀ packs Bᵀ into panels the same way. Buffers are per thread and reused: no allocation per call
 * once a thread has them.
 *
 * <p>A·B runs here at every size: B's panels packed a group at a time, then A in bands of {@value #BAND} rows that pass
 * through the group while in L2 ({@link #block}). Against the cache-blocked path, which also packs A, this measured 100
 * against 89 GFLOP/s at 1024³, 101 against 92 at 2048³, 103 against 61 at 10000×784×128 and 104 against 48 at
 * 2048×4096×64 (AVX-512, JDK 17, one thread). Aᵀ·op(B) deeper than 2032 (at any depth from 256 with 16 vector
 * registers, where reading Aᵀ in place ran at 0.31–0.40 of it at lda = 1024), and A·Bᵀ with 256 <= k < {@link
 * #DOT_MIN_K} where 512-bit FMAs are split in two (Zen 4), with beta = 0, still go to the cache-blocked {@link
 * VectorGemmBlocked}, which does the same arithmetic per element. Here k is not blocked: every element of C is reduced
 * in one pass and combined with beta·C once, which is what the documented error bound needs (summing k blocks into C
 * would round each partial sum at the magnitude of C). Bias and activation are applied to each tile right after it is
 * stored, while it is in L1 ({@link #rowEpilogue}).
 */
final class VectorGemm {
    private VectorGemm() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;
    private static final int L = S.length();
    /** Loop-carried vectors are stored as {@code ZERO.blend(v, EVERY_LANE)}: see VectorConstants.ZERO. Not in tile8x2
     * and dot4x4, whose 16 more blends cost more than they guard (see there). */
    private static final FloatVector ZERO = VectorConstants.ZERO;
    private static final VectorMask<Float> EVERY_LANE = VectorConstants.EVERY_LANE;
    private static final FloatVector IOTA = VectorConstants.IOTA;
    private static final VectorShuffle<Float> SWAP1 = VectorConstants.SWAP1, SWAP2 = VectorConstants.SWAP2;
    private static final VectorShuffle<Float> SWAP4 = VectorConstants.SWAP4, SWAP8 = VectorConstants.SWAP8;
    private static final VectorMask<Float> HIGH1 = VectorConstants.HIGH1, HIGH2 = VectorConstants.HIGH2;
    private static final VectorMask<Float> HIGH4 = VectorConstants.HIGH4, HIGH8 = VectorConstants.HIGH8;
    private static final VectorSpecies<Float> H = VectorConstants.HALF;
    private static final int LH = H.length();
    /**
     * Narrow tiles as two half vectors ({@link #narrow8x2h}) on AVX-512 from JDK 25 on. Not on JDK 17: once
     * methods of two vector sizes have run, C2 there no longer intrinsified the shared Vector API code in other
     * kernels (the training step's 8×2 tiles were boxed, 50 MB per step; TrainingStepAllocationTest).
     */
    private static final boolean HALVES = LH < L && Runtime.version().feature() >= 25;
    /**
     * The narrow tiles in halves ({@link #narrow8x2h}) except where 512-bit FMAs run at full width
     * ({@link Cpu#fullWidth512}: Intel, Zen 5), so that halves only double the FMAs: there the one-vector tile ran
     * relu(X·Wᵀ + b) 64×64×10 at 1.14–1.34× and relu(X·B + b) 64×64×10 at 1.18–1.35× the halves' rate on Intel
     * (JDK 25, alternating in one JVM, two runs), and at 1.36× and 1.49× on Zen 5 (EPYC, one run). On Zen 4 the
     * halves were the faster (see narrow8x2h). The dot products no longer run in halves: with their lane sums
     * over a tree ({@link #laneSums}) full vectors ran relu(X·Wᵀ + b) 1×784×128, 1×784×256, 1×300×128 and
     * 1×128×64 at 1.02–1.17× the halves' rate on Intel (JDK 25, one JVM).
     */
    private static final boolean NARROW_HALVES = HALVES && !Cpu.fullWidth512();
    /**
     * Pack B's panels for every A·B with enough rows and depth where there are 16 vector registers, from JDK 25 on:
     * only over a packed panel does {@link #tile4x2p} run (AVX2 on JDK 25, JMH, three forks: relu(X·B + b)
     * 64×784×128 and 64×128×64 at 86.7 and 84.1 GFLOP/s, against 67.9 and 72.1 in place). Not on JDK 17, where
     * packing measured no faster (75.1 and 73.7 packed, 79.3 and 74.7 in place) on an AVX-512 core held to AVX2
     * (-XX:UseAVX=2); see DEEP_PACK_MIN_K. With 32 registers, the 8-row tile reads B in place faster (see
     * IN_PLACE_MAX_M). Not where {@link #tile4x2at128} reads B in place, faster than these panels.
     */
    private static final boolean PACK_ALWAYS = L < 16 && Runtime.version().feature() >= 25;
    /**
     * With 16 vector registers, B's panels are packed from this depth on on JDK 17 too. On a real AVX2 core (AMD EPYC
     * Zen 3, family 25 model 1, a shared VM) C2 17 compiles the in-place tile's loop to 35 instructions per 8 FMAs and
     * the packed one's to 31 (JDK 25: 30 and 25); that core took at most about six a cycle, fewer while whatever shared
     * it ran, and relu(X·B + b) runs its relu on the packed tile's registers (tile4x2pRelu, since then tile4x2rRelu
     * over copied rows; the figures here are from before that). One-JVM A/B against in place, JDK 17, two JVMs per run,
     * relu(X·B + b): 64×784×128 1.25–1.36 (three runs), 64×784×256 0.98–1.40, 64×512×64 0.97–1.25, 128×784×128
     * 0.87–1.31 (two runs each); X·B + b 64×784×128 0.97–1.09; at 64×300×128 0.95–1.04 and 64×256×128 0.80–0.83, where
     * packing costs more than the shorter loop saves.
     */
    private static final int DEEP_PACK_MIN_K = L < 16 ? 512 : Integer.MAX_VALUE;
    private static final int MR = 4;
    private static final int NR = 2 * L;
    private static final int NC = 128;
    /**
     * The cache-blocked path from here on. Below, packing A and B for each call costs more than blocking saves:
     * measured on the MLP's training step (k = batch = 64), where it lost 15–25%.
     */
    private static final int BLOCKED_MIN_M = 16;
    private static final int BLOCKED_MIN_K = 256;
    /**
     * Shallow A·Bᵀ (k < DOT_MIN_K) through the transposed panels below instead of the cache-blocked path where
     * 512-bit FMAs run at full width ({@link Cpu#fullWidth512}), the eight-row tiles reading copied rows of A:
     * one-JVM A/B (JDK 17 / 25), relu(X·Wᵀ + b) on Intel 64×300×128 1.38 / 1.62, 256×300×256 1.23 / 1.39,
     * 1024×400×1024 1.00 / 0.98; on Zen 5 (EPYC) 64×300×128 1.15 / 1.34, 256×300×256 1.22 / 1.19. Both paths run
     * one FMA chain per element, so the bits do not change. On Zen 4 the cache-blocked path was chosen.
     */
    private static final boolean SHALLOW_PANELS = L >= 16 && Cpu.fullWidth512();
    /**
     * From this depth on, A·Bᵀ runs as dot products even for full tiles: the one lane reduction per element is
     * then small next to its k/L FMAs, and packing Bᵀ is saved. Measured at L = 16 (AVX-512, JDK 17): 64×784×128
     * 57 GFLOP/s as dot products against 38 packed; 64×128×64 29 as dot products against 62 packed.
     */
    private static final int DOT_MIN_K = 32 * L;
    /**
     * From this many rows of the product on, deep A·Bᵀ packs Bᵀ into panels (a transposing copy of k·n floats)
     * and runs the register tiles instead of dot products. Where the two break even, at 784×128 (one thread,
     * GFLOP/s, dot products against packed, medians of two or three runs of a /tmp harness): AVX-512 48 rows 88 against 83 (JDK 25), 64 rows 83 against 89
     * (JDK 17) and 87 against 89 (JDK 25); AVX2 (-XX:UseAVX=2) 16 rows 58–69 against 50, 32 rows 62 against 68
     * (JDK 25) and 25–53 against 62 (JDK 17).
     */
    private static final int TRANSPOSED_MIN_ROWS = L >= 16 ? 64 : 32;
    /**
     * The most full columns for which deep A·Bᵀ with fewer rows than columns computes Cᵀ = W·Xᵀ (see gemm) on Intel
     * AVX-512 (elsewhere see CT_ANY_WIDTH);
     * past them, Wᵀ packed into panels won, its tiles running each copied row of X over every panel where Cᵀ runs a
     * copied row of W over two. One-JVM A/B of the panels against Cᵀ, 11–15 rounds, JDK 17 / 25: relu(X·Wᵀ + b)
     * 64×784×256 1.08–1.19 / 1.02–1.12 (seven runs), X·Wᵀ + b 64×784×256 0.99–1.27 / 0.95–1.17, 64×784×192
     * 1.06–1.25 / 0.97–1.13, 64×512×256 1.12–1.19 / 1.16, 128×784×256 1.00–1.07 / 0.96–1.04; at 128 columns
     * Cᵀ still won (64×1000×128: 0.95–0.96 / 0.95–1.30 for the panels). With AVX2 (-XX:UseAVX=2, JDK 17) Cᵀ won
     * at any width: 64×784×256 0.87–0.89 for the panels, 64×784×192 0.87–0.89, 32×784×256 0.75.
     */
    private static final int CT_MAX_N = 128;
    /**
     * Cᵀ at any width off Intel: on Zen 5 (EPYC, family 26 model 2) Wᵀ's panels lost at every width tried past 128,
     * with or without gathers in their transpose. One-JVM A/B, Cᵀ against the panels, three JVMs per JDK, lowest and
     * highest, JDK 17 / 25: relu(X·Wᵀ + b) 64×784×192 1.27–1.28 / 1.15–1.53, 64×784×256 1.29–1.35 / 1.52–1.58,
     * 64×784×512 1.06–1.35 / 1.60–1.62, 96×784×512 1.17–1.19 / 1.42–1.48, 128×784×256 1.04–1.06 / 1.26–1.30,
     * 64×1024×1024 1.46–1.76 / 1.47–1.74. With 16 vector registers (AVX2) Cᵀ won on Intel as well.
     */
    private static final boolean CT_ANY_WIDTH = L < 16 || !Cpu.isIntel();
    /**
     * Shallow A·Bᵀ (k < DOT_MIN_K) from this many rows of the product on packs Bᵀ for the register tiles; below, dot
     * products, since the transposing copy costs k·n moves however few rows share it. One-JVM A/B on Intel, relu(X·Wᵀ
     * + b), dot products against packed, JDK 17 / 25: AVX-512 1×128×64 4.1 / 6.8×, 3×128×64 2.0 / 2.7×, 4×128×64
     * 1.7 / 2.5×, 8×128×64 0.90 / 1.35, 16×128×64 0.58 / 0.87; AVX2 (-XX:UseAVX=2) 7×128×64 1.30 / 1.47×.
     */
    private static final int SHALLOW_TILES_MIN_ROWS = 2 * MR;

    /**
     * Rows of the product from which a shallow A·Bᵀ narrower than a tile (n < NR, k < DOT_MIN_K) transposes Bᵀ
     * for the narrow tiles ({@link #narrow}); below, dot products. The same trade as {@link #SHALLOW_TILES_MIN_ROWS},
     * but a narrow tile gains less per row (n = 10 fills 10 of a vector's 16 lanes, one broadcast per FMA), so
     * the copy of k·n floats pays from about k/8 rows on. One-JVM A/B on Intel, relu(X·Wᵀ + b), dot products
     * against the narrow tiles, JDK 17 / 25: AVX-512 1×64×10 2.6–2.9 / 2.7, 4×64×10 1.5 / 1.4–1.6, 8×64×10
     * 0.97–1.03 / 0.95–1.00, 16×64×10 0.74 / 0.80, 4×300×10 3.4 / 3.2, 16×300×10 1.5 / 1.4–1.7, 32×300×10
     * 1.2–1.3 / 0.85–1.07, 64×300×10 1.03–1.27 / 0.99–1.07, 2×128×20 3.2 / 2.9, 8×128×20 1.4–1.5 / 1.4–1.5,
     * 16×128×20 1.00 / 1.01–1.06; AVX2 (-XX:UseAVX=2, where 256 <= k already runs as dot products) 1×64×10
     * 3.5 / 3.5, 4×64×10 1.7 / 1.6, 8×64×10 0.97 / 1.01.
     */
    private static int narrowMinRows(int k) {
        return Math.max(SHALLOW_TILES_MIN_ROWS, (k + 7) / 8);
    }

    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[DOT_MIN_K * NC]);
    /**
     * Bᵀ for {@link #narrow}, in rows of w floats of which the first n are written. The lanes past n keep whatever
     * an earlier narrow call of this thread left (zeros at first, else earlier columns of B): they are computed
     * but never finished into C, and lanes do not mix. Zeroing them first cost 0.13 µs of a 2.3 µs
     * relu(X·Wᵀ + b) at 64×64×10. Its own buffer, so that only B's values ever get there.
     */
    private static final ThreadLocal<float[]> NARROW = ThreadLocal.withInitial(() -> new float[DOT_MIN_K * NR]);
    private static final int SIGMOID_ROWS = 256;
    /**
     * Whether a single row of X·B runs {@link #tile1x16}, below 512-bit vectors: on JDK 17 only. One-JVM A/B against
     * tile1x8's passes of 4·NR on Zen 3, relu(X·B + b) 1×784×128: JDK 17 1.36–1.47 (four JVMs, EJML in the same
     * rounds) and 1.09–1.47 per round with OpenBLAS in them. On JDK 25 it ran at 1.04–1.07 in two JVMs, but with
     * OpenBLAS or EJML interleaved, once C2 had compiled the benchmark's loop by on-stack replacement, it fell to
     * 13–15 GFLOP/s for the rest of the run, 0.55–0.77 of tile1x8 there, in all fifteen such JVMs (with
     * -XX:-UseOnStackReplacement it did not, one JVM). No recompilation, deoptimization or collection at that point
     * (logged), and neither the caller's frame size nor B's offset changed the tile's rate in a /tmp loop. C2 keeps two
     * or three of its accumulators on the stack there; a fourteen-vector pass, one on the stack, ran at 1.18–1.19 in two
     * such JVMs and did not fall in three more, but fell the same way (0.47–0.79) in a run of seven one-row problems
     * with no other library. JDK 17 never fell so. Unexplained; JDK 25 runs {@link #tile1x16c} where one pass of 8·NR
     * covers B and beta = 0, and tile1x8 elsewhere.
     */
    private static final boolean ONE_PASS_ROW = L < 16 && Runtime.version().feature() < 25;
    /**
     * Whether a single row of X·B with beta = 0 and 8·NR full columns runs {@link #tile1x16c}: where tile1x16 does not
     * (below 512-bit vectors, JDK 25 on). One-JVM A/B against tile1x8's two passes, Zen 3 (family 25 model 1), JDK 25,
     * two runs of two JVMs, EJML in the rounds (and OpenBLAS in one): relu(X·B + b) 1×784×128 1.04, 1.19, 1.17, 1.27;
     * X·B + b 1×784×128 1.22, 1.38, 1.11, 1.27; relu(X·B + b) 1×300×128 1.26, 1.22, 1.12, 1.16; no JVM fell as tile1x16
     * did there. Wider B, in passes of 8·NR (the rest in passes of 4·NR), lost or tied: 1×784×192 0.74–0.83, 1×784×256
     * 0.93–1.15. On JDK 17 it ran at 0.85–0.88 of tile1x16 (one JVM).
     */
    private static final boolean ROW_IN_C = L < 16 && !ONE_PASS_ROW;
    /**
     * One tile of scratch: narrowRows' tile (written with beta = 0, straight into it), or a tile's raw sums when C
     * must be read for beta·C (see {@link #finish}). Never both at once: narrowRows never passes beta ≠ 0.
     */
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[6 * 2 * NR]);
    /** See {@link #laneSum}: JDK 17 only, the one version where the order was checked. */
    private static final boolean ORDERED_REDUCTION = Runtime.version().feature() == 17;
    /** Up to 16 dot-product accumulators of L lanes, then up to 16 sums ({@link #laneSums}). */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[16 * L + 16]);
    private static final ThreadLocal<float[][]> OUT_T = ThreadLocal.withInitial(() -> new float[1][0]);
    private static final ThreadLocal<float[][]> OUT_RAW = ThreadLocal.withInitial(() -> new float[1][0]);
    private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[1][0]);
    /** Pack B's panels from this many rows of C and this depth on (below, the copy costs more than it saves). */
    private static final int PANEL_MIN_M = 16;
    private static final int PANEL_MIN_K = 64;
    /**
     * Rows of op(A) for the eight-row tiles are copied this many floats apart ({@link #tile8x2r}), where k is at
     * most A_STRIDE − 16 and B is wide enough ({@link #copiesRowsOfA}). A constant stride lets the tile's eight
     * broadcasts share one index register with constant displacements; read in place, each needs its own row's
     * address (two integer operations more per broadcast, and row offsets spilled to vector registers), and on
     * Intel AVX-512 that held the tile to about 0.75 of the FMA rate. The 16 floats past 2048 put the rows on
     * different L1 sets.
     */
    private static final int A_STRIDE = 2048 + 16;
    /** The deepest single panel for which {@link #tile4x4} reads op(A) in place: 128 × 64 floats of B, 32 KiB. */
    private static final int FOUR_ROWS_MAX_K = 128;
    /**
     * Whether {@link #tile6x4p} takes the rows that {@link #tile4x4p} would otherwise: JDK 25 only. On JDK 17 its loop
     * compiled to one of two speeds from JVM to JVM, as tile4x4's did (the tile alone over 64 rows at k = 128, six
     * JVMs: 7.98–8.05 µs in two, 8.95–9.25 in four, against 8.48–8.67 for the four-row tiles).
     */
    private static final boolean SIX_IN_PLACE = Runtime.version().feature() >= 25;
    /**
     * The stride of op(A) at which JDK 17 runs six-row tiles over op(A) in place after all ({@link #tile6x4pk}): X 128
     * floats wide, as the tutorial's 128 → 64 layer reads it. With both strides constants the tile needs one index
     * for A and one for B, and its loop ran at one speed in every JVM: the tiles alone over 64 rows at k = 128, eight
     * JVMs, took 0.88–0.95 of the time of sixteen four-row tiles in each (7.98–8.36 µs against 8.60–8.82 in the five
     * fast-phase ones), where {@link #tile6x4p} took 1.01–1.16 in all eight. One-JVM A/B against the four-row tiles,
     * JDK 17: relu(X·B + b) 64×128×64 0.99–1.21 over fourteen runs (median 1.10, the low ones in slow phases of the
     * machine), relu(X·Wᵀ + b) 64×128×64 1.04–1.15 over seven, relu(X·B + b) 128×128×64 0.93–1.20 over eleven
     * (median 1.02); two runs: 16×128×64 0.96–1.09, 6×128×64 1.42–1.57.
     */
    private static final int SIX_LDA = 128;
    /**
     * Whether {@link #tile4x4} runs for any stride of B: not on JDK 17, where its speed changed from JVM to JVM; there
     * only {@link #tile4x4p}, B's stride a constant, reads op(A) in place (see fourRowsInPlace).
     */
    private static final boolean FOUR_ROWS = L >= 16 && Runtime.version().feature() >= 25;
    private static final ThreadLocal<float[][]> A_ROWS = ThreadLocal.withInitial(() -> new float[1][0]);
    /**
     * Rows of A per pass over the packed panels: 64 × 784 floats (a 784-input layer) is 200 KiB, half of L2 with B.
     * Nine six-row and two five-row tiles cover them (see wideTiles). Before the five-row tiles, when eight-row
     * tiles took the last 16 rows, 48-row bands (all in six-row tiles) measured 0.90–1.09 of these in one-JVM A/B
     * on Intel AVX-512 (512³–2048³, JDK 17 and 25).
     */
    private static final int BAND = 64;
    /**
     * Rows of op(A) copied per pass (a whole number of bands; 4 MiB at most). Every pass packs B's panels again,
     * so fewer rows cost more copies of B: at 192 rows, 1024³ gained nothing and relu(X·Wᵀ + b) 64×784×256, whose
     * Cᵀ = W·Xᵀ has 256 rows, lost 16–23%.
     */
    private static final int A_PASS = 8 * BAND;
    /**
     * The most floats of B's panels kept from the first pass of copied rows for the others (16 MiB: 2048 × 2048), where
     * a product takes three passes or more. Packing B reads it a group of panels at a time, 64 floats of each row at
     * k = 2048 (rows 8 KiB apart), and it took 12% of a 2048³ product whose four passes packed it four times (nanoTime
     * around the phases, one thread, JDK 17); the tiles ran at 117–122 GFLOP/s meanwhile, about 0.95 of that Intel
     * AVX-512 VM's FMA rate. Kept, the later passes read the panels as one stream instead. One-JVM A/B there,
     * JDK 17 / 25: 2048³ 1.05–1.08 / 1.05–1.07 in four runs and 0.99 / 1.06 in a fifth, slow for JDK 17; Aᵀ·B 2048³
     * 1.05–1.08 / 1.02–1.05 (three), 1536³ 1.02–1.04 / 1.01–1.06 (two), 4096×1024×1024 1.04 / 1.05 (one). Kept for two
     * passes, 1024³ measured 0.95–1.00 / 0.98–1.07, so two passes pack as before; so does a split product, whose chunks
     * of 512 rows are one pass each (sharing the panels between a thread's chunks measured 1.00–1.02 at 2048³ on two
     * threads, 0.90–0.94 at 1024³). A per-thread buffer, as A_ROWS is, grown only by such products.
     */
    private static final int KEPT_PANELS_MAX = 4 << 20;
    /**
     * Where B's packed panels start in their buffers: on a 64-byte line where {@link HeapLayout} knows where the
     * buffer lies, so that no 512-bit load of a panel row straddles two lines (each such load reads two). On Intel
     * AVX-512 (a 2-core Xeon VM, 2026-12-02) the six-row tile alone ran at 0.16–0.18 ns per FMA over aligned panels
     * and 0.18–0.21 over the other offsets. One-JVM A/B against panels wherever the buffer put them, 7 rounds, JDK 17
     * / 25, under G1 (two JVMs each): 512³ 1.07–1.15 / 1.12–1.13, 1024³ 1.13–1.14 / 1.12–1.14, 2048³ 1.14–1.16 /
     * 1.13, Aᵀ·B 1024³ 1.04–1.10 / 1.00–1.10; with -XX:ObjectAlignmentInBytes=64 and the parallel collector:
     * 512³ 1.12 / 1.10, 1024³ 1.11 / 1.10, 2048³ 1.12 / 1.10, relu(X·B + b) 256×784×256 1.12 / 1.10. Only where the
     * panels lie changes, so the bits do not.
     */
    private static final int PANEL_SHIFT = HeapLayout.lineStart();
    private static final ThreadLocal<float[][]> PANELS_KEPT = ThreadLocal.withInitial(() -> new float[1][0]);
    /** Floats of B packed at a time (512 KiB): a group of panels that a band of A passes through in L2. */
    private static final int UNBLOCKED_MAX_KN = 128 * 1024;
    /**
     * Up to this many rows, a B of at most IN_PLACE_MAX_KN floats is read in place: it stays in L2 either way, and
     * a copy shared by two bands or fewer costs more than its contiguous reads save (one thread, JDK 17, packed
     * against in place, GFLOP/s: 64×784×128 101 vs 111, 128×784×128 107 vs 113, 64×128×64 95 vs 104; at 256 rows
     * packing was ahead, 111 vs 106).
     */
    private static final int IN_PLACE_MAX_M = 2 * BAND;
    /**
     * The largest B (floats) read in place up to IN_PLACE_MAX_M rows: 1 MiB, half of an L2. One-JVM A/B on Intel
     * AVX-512 against packing from 128 Ki floats on (11 rounds, JDK 17 / 25, two to three runs), relu(X·B + b):
     * 64×784×256 1.13–1.32 / 1.12–1.24, 64×1000×256 1.23 / 1.23, 64×784×208 1.15 / 1.10, 32×784×256 1.33 / 1.29,
     * 64×1000×200 0.96–1.06 / 0.82–1.06, 128×784×256 1.05–1.20 / 0.99–1.04, 100×400×600 0.97 / 0.95; AVX2
     * (-XX:UseAVX=2, JDK 17) 64×784×256 1.08, 128×784×256 0.95. Past it, 64×784×512 (392 Ki floats) 0.97 / 0.90.
     */
    private static final int IN_PLACE_MAX_KN = 2 * UNBLOCKED_MAX_KN;

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, Activation act, int productRows) {
        if (m == 0 || n == 0) {
            return;
        }
        if (act == Activation.SIGMOID) {
            // Sigmoid inlines a whole exp; inside the tiles' compiled code it pushed C2 past its inlining budget,
            // and the exp left out of line boxed every vector (192 KB per training step of the sigmoid network,
            // depending on what had run before). So it runs through the array kernel after the product, a block of
            // rows at a time so that they are still in L2 (256 × 256 floats: 256 KB). Row blocks do not change a
            // result (paths depend on n, k and productRows, which every block is given, or do the same
            // arithmetic), and neither does this split.
            int rowStep = transA ? 1 : lda;
            for (int i0 = 0; i0 < m; i0 += SIGMOID_ROWS) {
                int rows = Math.min(SIGMOID_ROWS, m - i0);
                gemm(transA, transB, rows, n, k, alpha, a, aOff + i0 * rowStep, lda, b, bOff, ldb, beta,
                        c, cOff + i0 * ldc, ldc, bias, biasOff, Activation.IDENTITY, productRows);
                for (int i = i0; i < i0 + rows; i++) {
                    VectorActivations.sigmoid(c, cOff + i * ldc, c, cOff + i * ldc, n);
                }
            }
            return;
        }
        int rowA = transA ? 1 : lda;
        int colA = transA ? lda : 1;
        if (k == 0 || alpha == 0f) {
            // BLAS: A and B are not read; C = act(beta·C + bias).
            block(m, n, 0, 0f, a, aOff, rowA, colA, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act, false,
                    false);
            return;
        }
        if (beta == 0f && m >= BLOCKED_MIN_M && n >= NR && k >= BLOCKED_MIN_K
                && (transA ? L < 16 || k > A_STRIDE - 16 : transB && k < DOT_MIN_K && !SHALLOW_PANELS)) {
            // Same arithmetic per element as block() below (an FMA chain over p from zero, then alpha), so the
            // choice may depend on m: a band of rows gives the same bits whichever path it takes.
            VectorGemmBlocked.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc,
                    bias, biasOff, act);
        } else if (!transB) {
            block(m, n, k, alpha, a, aOff, rowA, colA, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act,
                    m >= PANEL_MIN_M && k >= PANEL_MIN_K
                            && (PACK_ALWAYS && !runsTile4x2at128(rowA, colA, ldb) || k >= DEEP_PACK_MIN_K
                                    || m > IN_PLACE_MAX_M || (long) k * n > IN_PLACE_MAX_KN), false);
        } else if (!transA && n < NR && k < DOT_MIN_K && productRows >= narrowMinRows(k)) {
            narrow(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act);
        } else if (!transA && n >= NR && k >= DOT_MIN_K && productRows >= TRANSPOSED_MIN_ROWS) {
            // Deep A·Bᵀ with enough rows: Bᵀ packed panel by panel as A·B packs B, so that the register tiles run
            // instead of dot products; the last n mod NR columns are dot products. Chosen from the product's rows,
            // not the band's, so every band rounds as the whole would.
            int full = n - n % NR;
            if (m % NR == 0 && m < full && (full <= CT_MAX_N || CT_ANY_WIDTH)
                    && (long) m * full <= UNBLOCKED_MAX_KN) {
                // Fewer rows than columns: Cᵀ = W·Xᵀ with Xᵀ packed instead (m·k moves where Wᵀ takes n·k), into a
                // per-thread buffer, then transposed into C and finished there. Each element is the same FMA chain
                // (x·w and w·x are the same product), so the bits are those of the Wᵀ panels, and a band may take
                // either. 64×784×128, /tmp harness, GFLOP/s: AVX-512 87.5 → 95.4 (JDK 17), 88.4 → 96.8 (JDK 25);
                // AVX2 72.3 → 78.8 and 80.3 → 87.8.
                float[] ct = buffer(OUT_T, m * full);
                block(full, m, k, 1f, b, bOff, ldb, 1, a, aOff, lda, 0f, ct, 0, m, null, 0, Activation.IDENTITY,
                        true, true);
                float[] raw = beta == 0f ? c : buffer(OUT_RAW, m * full);
                int r0 = beta == 0f ? cOff : 0, ldr = beta == 0f ? ldc : full;
                transpose(ct, 0, m, full, m, raw, r0, ldr);
                finish(raw, r0, ldr, m, full, alpha, beta, c, cOff, ldc, bias, biasOff, act);
            } else {
                block(m, full, k, alpha, a, aOff, lda, 1, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act, true,
                        true);
            }
            if (full < n) {
                dotProducts(m, n - full, k, alpha, a, aOff, lda, b, bOff + full * ldb, ldb, beta, c, cOff + full,
                        ldc, bias, biasOff + full, act);
            }
        } else if (!transA && (n < NR || k >= DOT_MIN_K || productRows < SHALLOW_TILES_MIN_ROWS)) {
            // The choice must not depend on m: multi-threaded calls split m into bands, and every band must take
            // the same path for the results to be bit-identical (productRows is the same for all of them). Deep,
            // it already rounds by the product's rows (above).
            dotProducts(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act);
        } else if (!transA) {
            // Shallow A·Bᵀ with full tiles: Bᵀ packed (k < DOT_MIN_K, so one panel holds all of k). With 16
            // registers panel by panel, k rows of NR floats each, so that the tiles step through it by a constant
            // stride (see tile4x2p), and the last n mod NR columns go to the narrow tiles in rows of w floats. With
            // 32, as one block of nc columns: laid out in panels, JDK 17 ran relu(X·Wᵀ + b) 64×128×64 at about 46
            // GFLOP/s instead of 87 in one to four forks of six (JMH), and the 8-row tile gains nothing from it.
            float[] pack = PACK.get();
            // With 16 registers and at most A_PASS rows, A's rows copied once for all of B's panels, for tile4x2r.
            // One-JVM A/B against in place, Zen 3, two JVMs, JDK 17 / 25: relu(X·Wᵀ + b) 64×128×64 1.11–1.25 /
            // 1.12–1.21, 128×128×64 0.95–1.29 / 1.13–1.20.
            float[] ap = L < 16 && m <= A_PASS && copiesRowsOfA(colA, m, n - n % NR, k)
                    ? buffer(A_ROWS, m * A_STRIDE) : null;
            if (ap != null) {
                copyRows(a, aOff, rowA, colA, m, k, ap);
            }
            for (int jc = 0; jc < n; jc += NC) {
                int nc = Math.min(NC, n - jc);
                if (L >= 16) {
                    transpose(b, bOff + jc * ldb, ldb, nc, k, pack, 0, nc);
                    block(m, nc, k, alpha, a, aOff, rowA, colA, pack, 0, nc,
                            beta, c, cOff + jc, ldc, bias, biasOff + jc, act, false, false);
                    continue;
                }
                int full = nc - nc % NR;
                for (int j = 0; j < full; j += NR) {
                    transpose(b, bOff + (jc + j) * ldb, ldb, NR, k, pack, j * k, NR);
                }
                for (int j = 0; j < full; j += NR) {
                    tiles(m, k, alpha, a, aOff, rowA, colA, ap, 0, pack, j * k, NR,
                            beta, c, cOff + jc + j, ldc, bias, biasOff + jc + j, act);
                }
                if (full < nc) {
                    int nr = nc - full;
                    int w = nr <= L ? L : NR;
                    float[] wt = NARROW.get();
                    transpose(b, bOff + (jc + full) * ldb, ldb, nr, k, wt, 0, w);
                    narrowRows(m, nr, w, k, alpha, a, aOff, rowA, colA, wt, beta, c, cOff + jc + full, ldc,
                            bias, biasOff + jc + full, act);
                }
            }
        } else {
            // Aᵀ·Bᵀ (where it does not go to VectorGemmBlocked, above): Bᵀ transposed into panels as for deep A·Bᵀ,
            // op(A) read as in Aᵀ·B, and the last n mod NR columns through the narrow tiles over the rest of Bᵀ
            // transposed. The same FMA chain per element as the blocked path, so either may take a band. Dot
            // products over copied rows of op(A) ran at 0.29–0.31 of OpenBLAS at 256³ and 1024³ and 0.55–0.58 at
            // 64×784×128 (Intel AVX-512).
            int full = n - n % NR;
            if (full > 0) {
                block(m, full, k, alpha, a, aOff, rowA, colA, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act,
                        true, true);
            }
            if (full < n) {
                int nr = n - full;
                int w = nr <= L ? L : NR;
                float[] wt = panelBuffer(PANEL, k * w);
                transposeNarrow(b, bOff + full * ldb, ldb, nr, k, wt, 0, w, GATHER_NARROW, REGISTER_NARROW);
                narrowRows(m, nr, w, k, alpha, a, aOff, rowA, colA, wt, beta, c, cOff + full, ldc, bias,
                        biasOff + full, act);
            }
        }
    }

    /** Rows of A from which a split A·B shares one copy of A and one packing of B among its threads (see share). */
    private static final int SHARED_MIN_M = A_PASS;
    /** The most floats of A's copy shared by the threads of a split product: 2048 rows (16.9 MiB). */
    private static final int SHARED_A_MAX = 2048 * A_STRIDE;
    private static final ThreadLocal<float[][]> SHARED_A = ThreadLocal.withInitial(() -> new float[1][0]);

    /**
     * A split A·B large enough that each band of rows would pack all of B for itself (B of more than 128 Ki floats,
     * at least {@link #SHARED_MIN_M} rows), with whole panels of columns: its threads first copy A's rows
     * (a band of 64 rows a unit) and pack B's groups of panels (a group a unit), once for all of them, into the
     * calling thread's buffers (A's copy, and the kept panels' buffer); then they take (group, band) units, pass by
     * pass of 512 rows and group by group within a pass, each the wide and eight-row tiles that {@link #block} runs
     * there over the same copies. So a thread that runs slower leaves bands of 64 rows to the others, where split into
     * chunks of 512 rows, each packing B, a call waited for the slower thread's chunk (figures in Parallel). The same
     * tiles on the same values: the same bits. With 16 vector registers too (the four-row tiles over the copied rows,
     * tile4x2r): two threads against chunks, one-JVM A/B, Zen 3, two JVMs, JDK 17 / 25: relu(X·B + b) 1024³
     * 1.11 / 1.11–1.26, 2048³ 1.11–1.15 / 1.08–1.11.
     */
    static Kernels.SharedProduct share(int threads, boolean transA, boolean transB, int m, int n, int k,
                                       float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                       float beta, float[] c, int cOff, int ldc, float[] bias, int biasOff,
                                       Activation act) {
        int full = n - n % NR;
        if (threads < 2 || transA || transB || act == Activation.SIGMOID || alpha == 0f || full != n
                || full < 4 * NR || k < PANEL_MIN_K || k > A_STRIDE - 16 || (long) k * n <= UNBLOCKED_MAX_KN
                || m < SHARED_MIN_M || (long) m * A_STRIDE > SHARED_A_MAX || (long) k * n > KEPT_PANELS_MAX) {
            return null;
        }
        return new SharedBands(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act);
    }

    private static final class SharedBands implements Kernels.SharedProduct {
        private final int m, n, k, lda, ldb, ldc, aOff, bOff, cOff, biasOff, group, bands, groups;
        private final float alpha, beta;
        private final float[] a, b, c, bias, ap, panels;
        private final Activation act;

        SharedBands(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc, float[] bias, int biasOff, Activation act) {
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.bias = bias;
            this.biasOff = biasOff;
            this.act = act;
            group = groupColumns(k);
            bands = (m + BAND - 1) / BAND;
            groups = (n + group - 1) / group;
            ap = buffer(SHARED_A, m * A_STRIDE);
            panels = panelBuffer(PANELS_KEPT, k * n);
        }

        @Override
        public int packUnits() {
            return bands + groups;
        }

        @Override
        public void pack(int unit) {
            if (unit < bands) {
                int i0 = unit * BAND;
                copyRows(a, aOff + i0 * lda, lda, 1, Math.min(BAND, m - i0), k, ap, i0 * A_STRIDE);
                return;
            }
            int j0 = (unit - bands) * group, cols = Math.min(group, n - j0);
            packGroup(b, bOff + j0, ldb, cols, wide(cols), k, panels, j0 * k + PANEL_SHIFT);
        }

        @Override
        public int computeUnits() {
            return bands * groups;
        }

        /**
         * Unit u: a pass of A_PASS rows at a time, as {@link #block} takes them (the threads share its 4 MiB of A's
         * copy in L3; group by group over all of m, 2048³ ran at 0.82 / 0.97 of chunks on two threads), then group
         * by group within the pass, then band by band.
         */
        @Override
        public void compute(int unit) {
            int perPass = A_PASS / BAND, pass = unit / (groups * perPass), r = unit - pass * groups * perPass;
            int passBands = Math.min(perPass, bands - pass * perPass);
            int j0 = r / passBands * group, cols = Math.min(group, n - j0);
            int i0 = (pass * perPass + r % passBands) * BAND, rows = Math.min(BAND, m - i0);
            groupTiles(rows, k, alpha, a, aOff + i0 * lda, lda, 1, ap, i0 * A_STRIDE, panels,
                    j0 * k + PANEL_SHIFT, cols, wide(cols), beta, c, cOff + i0 * ldc + j0, ldc, bias, biasOff + j0,
                    act);
        }

        /** The columns of a group in wide panels of 2·NR ({@link #wideTiles}, 32 registers only), as block has them. */
        private static int wide(int cols) {
            return L >= 16 ? cols - cols % (2 * NR) : 0;
        }
    }

    /**
     * A·Bᵀ with fewer columns than a register tile (a network's last layer: n = 10 classes) and a shallow k: Bᵀ
     * packed into k rows of one or two zero-padded vectors, then broadcast FMAs over eight rows of A at a time (four
     * with two vectors) into a scratch tile, whose first n columns are finished into C. From
     * {@link #narrowMinRows} rows on: for fewer, dot products are faster, but from there on they lose to these tiles
     * (64×64×10: 0.47–0.53 of this, where a dot product's lane sum costs as much as its 4 vectors of FMAs). Every
     * element is one FMA chain over p from zero whatever its row tile, so the result does not depend on m.
     */
    private static void narrow(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                               float[] bias, int biasOff, Activation act) {
        int w = n <= L ? L : NR;
        float[] wt = NARROW.get();
        transposeNarrow(b, bOff, ldb, n, k, wt, 0, w, GATHER_NARROW, REGISTER_NARROW);
        narrowRows(m, n, w, k, alpha, a, aOff, lda, 1, wt, beta, c, cOff, ldc, bias, biasOff, act);
    }

    private static final ThreadLocal<int[]> GATHER = ThreadLocal.withInitial(() -> new int[L]);
    /** {@link #transpose16}'s block between its two passes. */
    private static final ThreadLocal<float[]> TRANSPOSE16 = ThreadLocal.withInitial(() -> new float[256]);
    /**
     * Whether {@link #transpose} moves 16 × 16 blocks through the registers ({@link #transpose16}), gathering only the
     * columns past the last block. Off Intel: on Zen 5 (EPYC, family 26 model 2), one-JVM A/B against the gathers,
     * two JVMs per JDK, JDK 17 / 25: relu(X·Wᵀ + b) 64×128×64 1.14–1.17 / 1.32, 64×784×128 1.04–1.06 / 1.15–1.18,
     * 64×784×256 1.03 / 1.08–1.14, 64×300×128 1.11 / 1.25–1.33, 128×128×128 1.06–1.07 / 1.12–1.15, 256×784×256
     * 1.03–1.04 / 1.07–1.08, A·Bᵀ 512³ 1.02–1.04 / 1.03–1.05, Aᵀ·Bᵀ 256³ 1.07–1.08 / 1.13–1.14. On Intel the same
     * blocks alone took 0.88–1.36 of the gathers' time on JDK 17 and 0.37–1.17 on JDK 25, on a VM too noisy to
     * judge, so the gathers stay there.
     */
    private static final boolean REGISTER_TRANSPOSE = L == 16 && !Cpu.isIntel();
    /** Whether {@link #transposeNarrow} gathers the rows that its 4 × 4 blocks leave. */
    private static final boolean GATHER_NARROW = Cpu.isIntel();
    /**
     * Whether {@link #transposeNarrow} moves the n < 16 rows of a narrow Bᵀ as 16 × 16 blocks on the registers
     * ({@link #transpose16}, the rows past n repeating the last one) instead of 4 × 4 blocks: from JDK 25 on, off
     * Intel. On Zen 4 (EPYC, family 25 model 17), 10 × 64 alone (best of 20 batches): 125 against 296 ns on JDK 25
     * (173 with the earlier transpose16, one pass over sixteen vectors). One-JVM A/B against the 4 × 4 blocks, two
     * JVMs per JDK, with that earlier transpose16: relu(X·Wᵀ + b) 64×64×10, 64×300×10 and 100×64×10 1.02–1.05 on JDK
     * 25 (Aᵀ·Bᵀ 64×64×10 1.04–1.14), 0.94–0.96 on JDK 17; with the two-pass one, alone 224–293 against 348–378 ns on
     * JDK 17, but in the product still no faster there (64×64×10 and 64×300×10 1.00 and 0.99).
     */
    private static final boolean REGISTER_NARROW = REGISTER_TRANSPOSE && Runtime.version().feature() >= 25;

    /** {@code t[d + p·ldt + r] = b[s + idx[r] + p]} for r < L, p < cols: L rows of b (idx[r] = r·ldb), by columns. */
    private static void gatherColumns(float[] b, int s, int cols, int[] idx, float[] t, int d, int ldt) {
        for (int p = 0; p < cols; p++) {
            FloatVector.fromArray(S, b, s + p, idx, 0).intoArray(t, d + p * ldt);
        }
    }

    /**
     * {@link #transpose} for the narrow tiles' packed Bᵀ (n < NR), whose lanes past n are never finished into C. Where
     * the 4 × 4 blocks would leave one to three rows to copy a float at a time after two or three blocks (n mod L
     * from 9 to 15 but not 12), AVX-512 gathers those last n mod L rows a column at a time, its lanes past the last
     * row reading that row again; so t's rows are written up to the next multiple of L, and ldt must reach it. On Intel,
     * the transpose alone, 10 × 64, JDK 17 / 25: 274–313 ns against 371–412. One-JVM A/B against the blocks, relu(X·Wᵀ +
     * b), four to five runs: 64×64×10 0.94–1.04 / 1.02–1.11, 64×300×10 0.95–1.10 / 1.04–1.12, 100×64×10 0.97–1.01 /
     * 1.04–1.07, 64×64×15 1.05–1.10 / 1.01–1.12; 64×64×12 0.97 / 0.94 and 64×64×4 0.92 / 0.88, hence the rule. A
     * small gain, the tiles' FMAs being most of such a product. On Intel only (GATHER_NARROW): with Zen 5's slower
     * gathers the blocks won (EPYC, one-JVM A/B of blocks against gathers, two JVMs per JDK, JDK 17 / 25: relu(X·Wᵀ
     * + b) 64×64×10 1.11–1.12 / 1.11–1.12, 64×128×10 1.02–1.07 / 1.03–1.05, 64×300×10 1.07 / 1.04–1.05, 100×64×10
     * 1.01–1.07 / 1.04–1.06, Aᵀ·Bᵀ 64×64×10 1.13–1.16 / 1.07–1.11; 64×64×15 lost, 0.96–0.99 / 0.98).
     */
    static void transposeNarrow(float[] b, int b0, int ldb, int rows, int cols, float[] t, int t0, int ldt,
                                boolean gather, boolean registers) {
        if (registers && L == 16 && rows < L) {
            int p = cols - cols % 16;
            transpose16(b, b0, ldb, rows, p / 16, t, t0, ldt, TRANSPOSE16.get());
            transpose(b, b0 + p, ldb, rows, cols - p, t, t0 + p * ldt, ldt);
            return;
        }
        int tail = rows % L;
        if (!gather || L < 16 || tail <= 8 || tail % 4 == 0) {
            transpose(b, b0, ldb, rows, cols, t, t0, ldt);
            return;
        }
        int j = rows - tail;
        transpose(b, b0, ldb, j, cols, t, t0, ldt);
        int[] idx = GATHER.get();
        for (int r = 0; r < L; r++) {
            idx[r] = Math.min(r, tail - 1) * ldb;
        }
        gatherColumns(b, b0 + j * ldb, cols, idx, t, t0 + j, ldt);
    }

    /**
     * {@code t[d + q·ldt + r] = b[s + r·ldb + q]} for r < 16, q < 16·blocks: a strip of 16 rows (L = 16) transposed
     * in 16 × 16 blocks on the registers, whole vectors loaded and stored. Rows from {@code rows} on repeat the last one.
     * Four rounds of lane swaps, as in {@link #laneSums16}: round d exchanges, between rows r and r + d (bit d of r
     * clear), the lanes of row r whose bit d is set with the lanes of row r + d whose bit d is clear; after the rounds
     * for d = 8, 4, 2 and 1, row r holds column r. Each round acts on bit d of the row and of the lane alone, so the
     * rounds may run in any order: a first pass takes rows g, g + 4, g + 8, g + 12 through rounds 8 and 4 into
     * {@code scratch} (256 floats), a second rows 4h to 4h + 3 through rounds 2 and 1 into t, four vectors live where
     * all sixteen at once spilled on JDK 17. The loop over blocks is here, not in the caller, so that C2 keeps the
     * shuffles and masks out of it. On Zen 4 (EPYC), 64 × 784 transposed (median of 15 batches), per block: 65 ns
     * against 89–90 for one pass over sixteen vectors, a call per block, on JDK 17; 36–53 against 53–72 on JDK 25.
     * One-JVM A/B against that one pass, two JVMs per JDK, JDK 17 / 25: relu(X·Wᵀ + b) 64×784×128 1.07 / 1.02,
     * 64×128×64 1.05 / 1.04, 64×784×256 1.04 / 1.02, Aᵀ·Bᵀ 256³ 1.02 / 1.01, A·Bᵀ 512³ 1.00 / 1.00.
     */
    static void transpose16(float[] b, int s, int ldb, int rows, int blocks, float[] t, int d, int ldt,
                            float[] scratch) {
        int last = rows - 1;
        for (int q = 0; q < 16 * blocks; q += 16) {
            int sq = s + q, dq = d + q * ldt;
            for (int g = 0; g < 4; g++) {
                FloatVector v0 = FloatVector.fromArray(S, b, sq + Math.min(g, last) * ldb);
                FloatVector v1 = FloatVector.fromArray(S, b, sq + Math.min(g + 4, last) * ldb);
                FloatVector v2 = FloatVector.fromArray(S, b, sq + Math.min(g + 8, last) * ldb);
                FloatVector v3 = FloatVector.fromArray(S, b, sq + Math.min(g + 12, last) * ldb);
                FloatVector x = v0, y = v2;
                v0 = x.blend(y.rearrange(SWAP8), HIGH8);
                v2 = x.rearrange(SWAP8).blend(y, HIGH8);
                x = v1;
                y = v3;
                v1 = x.blend(y.rearrange(SWAP8), HIGH8);
                v3 = x.rearrange(SWAP8).blend(y, HIGH8);
                x = v0;
                y = v1;
                v0 = x.blend(y.rearrange(SWAP4), HIGH4);
                v1 = x.rearrange(SWAP4).blend(y, HIGH4);
                x = v2;
                y = v3;
                v2 = x.blend(y.rearrange(SWAP4), HIGH4);
                v3 = x.rearrange(SWAP4).blend(y, HIGH4);
                v0.intoArray(scratch, g * 16);
                v1.intoArray(scratch, (g + 4) * 16);
                v2.intoArray(scratch, (g + 8) * 16);
                v3.intoArray(scratch, (g + 12) * 16);
            }
            for (int h = 0; h < 16; h += 4) {
                FloatVector v0 = FloatVector.fromArray(S, scratch, h * 16);
                FloatVector v1 = FloatVector.fromArray(S, scratch, (h + 1) * 16);
                FloatVector v2 = FloatVector.fromArray(S, scratch, (h + 2) * 16);
                FloatVector v3 = FloatVector.fromArray(S, scratch, (h + 3) * 16);
                FloatVector x = v0, y = v2;
                v0 = x.blend(y.rearrange(SWAP2), HIGH2);
                v2 = x.rearrange(SWAP2).blend(y, HIGH2);
                x = v1;
                y = v3;
                v1 = x.blend(y.rearrange(SWAP2), HIGH2);
                v3 = x.rearrange(SWAP2).blend(y, HIGH2);
                x = v0;
                y = v1;
                v0 = x.blend(y.rearrange(SWAP1), HIGH1);
                v1 = x.rearrange(SWAP1).blend(y, HIGH1);
                x = v2;
                y = v3;
                v2 = x.blend(y.rearrange(SWAP1), HIGH1);
                v3 = x.rearrange(SWAP1).blend(y, HIGH1);
                v0.intoArray(t, dq + h * ldt);
                v1.intoArray(t, dq + (h + 1) * ldt);
                v2.intoArray(t, dq + (h + 2) * ldt);
                v3.intoArray(t, dq + (h + 3) * ldt);
            }
        }
    }

    /**
     * {@code t[d + (q + c)·ldt + r] = b[s + r·ldb + q + c]} for r, c < 8 and q = 0, 8, .., 8·(blocks − 1): eight rows
     * of b, 8 × 8 blocks at a time through the registers of 256-bit vectors (AVX2), as {@link #transpose16} does with
     * 16 × 16: butterflies of lane distance 4 and 2 over four rows at a time into {@code scratch} (64 floats), then 1.
     * The 4 × 4 blocks of scalars below took 18% of relu(X·Wᵀ + b) 64×128×64 on Zen 3 (3.2 µs of 17.8). One-JVM A/B
     * against them there, two JVMs, JDK 17 / 25: relu(X·Wᵀ + b) 64×128×64 1.04–1.06 / 1.02–1.05, 128×128×128
     * 1.18–1.27 / 1.01–1.07, 64×784×128 1.00–1.02 / 1.01–1.06, Aᵀ·Bᵀ 256³ 0.99–1.01 / 1.01–1.06.
     */
    static void transpose8(float[] b, int s, int ldb, int blocks, float[] t, int d, int ldt, float[] scratch) {
        for (int q = 0; q < 8 * blocks; q += 8) {
            int sq = s + q, dq = d + q * ldt;
            for (int g = 0; g < 2; g++) {
                FloatVector v0 = FloatVector.fromArray(S, b, sq + g * ldb);
                FloatVector v1 = FloatVector.fromArray(S, b, sq + (g + 2) * ldb);
                FloatVector v2 = FloatVector.fromArray(S, b, sq + (g + 4) * ldb);
                FloatVector v3 = FloatVector.fromArray(S, b, sq + (g + 6) * ldb);
                FloatVector x = v0, y = v2;
                v0 = x.blend(y.rearrange(SWAP4), HIGH4);
                v2 = x.rearrange(SWAP4).blend(y, HIGH4);
                x = v1;
                y = v3;
                v1 = x.blend(y.rearrange(SWAP4), HIGH4);
                v3 = x.rearrange(SWAP4).blend(y, HIGH4);
                x = v0;
                y = v1;
                v0 = x.blend(y.rearrange(SWAP2), HIGH2);
                v1 = x.rearrange(SWAP2).blend(y, HIGH2);
                x = v2;
                y = v3;
                v2 = x.blend(y.rearrange(SWAP2), HIGH2);
                v3 = x.rearrange(SWAP2).blend(y, HIGH2);
                v0.intoArray(scratch, g * 8);
                v1.intoArray(scratch, (g + 2) * 8);
                v2.intoArray(scratch, (g + 4) * 8);
                v3.intoArray(scratch, (g + 6) * 8);
            }
            for (int h = 0; h < 8; h += 4) {
                FloatVector v0 = FloatVector.fromArray(S, scratch, h * 8);
                FloatVector v1 = FloatVector.fromArray(S, scratch, (h + 1) * 8);
                FloatVector v2 = FloatVector.fromArray(S, scratch, (h + 2) * 8);
                FloatVector v3 = FloatVector.fromArray(S, scratch, (h + 3) * 8);
                FloatVector x = v0, y = v1;
                v0 = x.blend(y.rearrange(SWAP1), HIGH1);
                v1 = x.rearrange(SWAP1).blend(y, HIGH1);
                x = v2;
                y = v3;
                v2 = x.blend(y.rearrange(SWAP1), HIGH1);
                v3 = x.rearrange(SWAP1).blend(y, HIGH1);
                v0.intoArray(t, dq + h * ldt);
                v1.intoArray(t, dq + (h + 1) * ldt);
                v2.intoArray(t, dq + (h + 2) * ldt);
                v3.intoArray(t, dq + (h + 3) * ldt);
            }
        }
    }

    /**
     * {@code t[p·ldt + j] = b[b0 + j·ldb + p]} for j < rows, p < cols: rows of B become columns of t. Four × four
     * blocks held in registers, so that each line of t is written four floats at a time: element by element, a
     * 64 × 128 transpose took 6.5 µs, in blocks 3.0 (more than the 64×128×64 product it feeds). On AVX-512, rows
     * L at a time are moved in 16 × 16 blocks on the registers (off Intel, {@link #REGISTER_TRANSPOSE}) or gathered
     * (see below); on AVX2, eight at a time in 8 × 8 blocks on the registers ({@link #transpose8}).
     */
    static void transpose(float[] b, int b0, int ldb, int rows, int cols, float[] t, int t0, int ldt) {
        int j = 0;
        if (L == 8 && rows >= 8) {
            float[] scratch = TRANSPOSE16.get();
            int whole = cols - cols % 8;
            for (; j + 8 <= rows; j += 8) {
                transpose8(b, b0 + j * ldb, ldb, whole / 8, t, t0 + j, ldt, scratch);
                for (int p = whole; p < cols; p++) {
                    for (int r = 0; r < 8; r++) {
                        t[t0 + p * ldt + j + r] = b[b0 + (j + r) * ldb + p];
                    }
                }
            }
        }
        if (L >= 16 && rows >= L) {
            // AVX-512: a gather per column of L rows (vgatherdps), stored as one vector. One-JVM A/B on Intel against
            // the 4×4 blocks below alone (JDK 17 / 25): relu(X·Wᵀ + b) 64×784×128 1.09 / 1.11, 64×128×64 1.12 / 1.15,
            // 8×300×128 1.76 / 1.50, 256×784×256 1.09 / 1.06. With AVX2's gathers it was 0.90–1.05, so not there.
            int[] idx = GATHER.get();
            for (int r = 0; r < L; r++) {
                idx[r] = r * ldb;
            }
            float[] scratch = REGISTER_TRANSPOSE ? TRANSPOSE16.get() : null;
            for (; j + L <= rows; j += L) {
                int p = 0;
                if (REGISTER_TRANSPOSE) {
                    p = cols - cols % 16;
                    transpose16(b, b0 + j * ldb, ldb, L, p / 16, t, t0 + j, ldt, scratch);
                }
                gatherColumns(b, b0 + j * ldb + p, cols - p, idx, t, t0 + p * ldt + j, ldt);
            }
        }
        for (; j + 4 <= rows; j += 4) {
            int s0 = b0 + j * ldb, s1 = s0 + ldb, s2 = s1 + ldb, s3 = s2 + ldb;
            int p = 0;
            for (; p + 4 <= cols; p += 4) {
                float a00 = b[s0 + p], a01 = b[s0 + p + 1], a02 = b[s0 + p + 2], a03 = b[s0 + p + 3];
                float a10 = b[s1 + p], a11 = b[s1 + p + 1], a12 = b[s1 + p + 2], a13 = b[s1 + p + 3];
                float a20 = b[s2 + p], a21 = b[s2 + p + 1], a22 = b[s2 + p + 2], a23 = b[s2 + p + 3];
                float a30 = b[s3 + p], a31 = b[s3 + p + 1], a32 = b[s3 + p + 2], a33 = b[s3 + p + 3];
                int d0 = t0 + p * ldt + j, d1 = d0 + ldt, d2 = d1 + ldt, d3 = d2 + ldt;
                t[d0] = a00;
                t[d0 + 1] = a10;
                t[d0 + 2] = a20;
                t[d0 + 3] = a30;
                t[d1] = a01;
                t[d1 + 1] = a11;
                t[d1 + 2] = a21;
                t[d1 + 3] = a31;
                t[d2] = a02;
                t[d2 + 1] = a12;
                t[d2 + 2] = a22;
                t[d2 + 3] = a32;
                t[d3] = a03;
                t[d3 + 1] = a13;
                t[d3 + 2] = a23;
                t[d3 + 3] = a33;
            }
            for (; p < cols; p++) {
                int d = t0 + p * ldt + j;
                t[d] = b[s0 + p];
                t[d + 1] = b[s1 + p];
                t[d + 2] = b[s2 + p];
                t[d + 3] = b[s3 + p];
            }
        }
        for (; j < rows; j++) {
            int src = b0 + j * ldb;
            for (int p = 0; p < cols; p++) {
                t[t0 + p * ldt + j] = b[src + p];
            }
        }
    }

    /**
     * A row stride of op(A) that the fused narrow tile has as a constant ({@link #narrow8x1Bias64}): X 64 floats wide,
     * as the tutorial's 64 → 10 output layer reads it. The rows are then one index plus constant displacements. With
     * the stride a variable, C2 computes each row's index at every step, and on JDK 17 it keeps three of the eight row
     * offsets on the stack and reloads them (hsdis): about 45 instructions per step of 8 FMAs. The tile alone, eight
     * tiles over 64 × 64 (one-JVM rounds, three JVMs each), took 0.72–0.79 of the time on JDK 17 and 0.82–0.95 on JDK
     * 25; A packed p-major (0.68–0.82) would cost the packing, and p unrolled by two (0.75–0.91 alone) ran at 0.61–0.77
     * of the speed inside the product. One-JVM A/B against the variable stride, 64×64×10, four or five runs,
     * JDK 17 / 25: relu(X·B + b) 1.13–1.26 / 1.02–1.09, relu(X·Wᵀ + b) 1.02–1.20 / 1.02–1.20; two runs: X·B + b
     * 1.15–1.26 / 1.09–1.11, X·Wᵀ + b 1.16–1.23 / 0.90–1.11; relu(X·B + b) 72×64×10 and 100×64×10 1.21–1.23 /
     * 1.09–1.16, 256×64×10 1.24 / 1.10. A sixteen-row tile at this stride (1.02–1.21 at 64×64×10) was taken out again:
     * with it, in 4 of 20 fresh JDK 17 JVMs against 0 of 20 without it, C2 compiled the narrow path's vector operations
     * without their intrinsics, and the MLP's training step allocated 2016 bytes (TrainingStepAllocationTest; JFR put
     * the allocations in the narrow tiles and the gathers of W).
     */
    private static final int NARROW_LDA = 64;
    /**
     * Whether the fused narrow tiles over X {@link #NARROW_LDA} floats wide take sixteen rows at a time
     * ({@link #narrow16x1Bias64}): one-vector tiles (not NARROW_HALVES), from JDK 25 on. On Intel AVX-512 (2-core Xeon
     * VM, 2026-12-02), one-JVM A/B against eight rows, G1, two JVMs: relu(X·Wᵀ + b) 64×64×10 1.08–1.10, 128×64×10
     * 1.07–1.11, 100×64×10 1.11–1.12, relu(X·B + b) 64×64×10 1.09–1.11; the MLP's training step allocated at most
     * 1.2 bytes per step in 20 fresh JVMs (StepAllocationProbe). Not on JDK 17: there such a tile, tried before,
     * left the narrow path's vector operations without their intrinsics in 4 of 20 fresh JVMs (see the README).
     */
    private static final boolean NARROW16 = L >= 16 && !NARROW_HALVES && Runtime.version().feature() >= 25;

    /**
     * C[0..m, 0..n) for n < NR, from B packed into kc rows of w floats (w = L or NR, whichever holds n; the lanes
     * past n hold zeros or B's next columns, and are computed but never finished into C; lanes do not mix):
     * broadcast FMAs over eight rows of op(A) at a time (four with two vectors) into a scratch tile, whose
     * first n columns are finished into C. Every element is one FMA chain over p from zero whatever its row tile,
     * so the result does not depend on m.
     */
    private static void narrowRows(int m, int n, int w, int kc, float alpha, float[] a, int aOff, int rowA, int colA,
                                   float[] wt, float beta, float[] c, int cOff, int ldc,
                                   float[] bias, int biasOff, Activation act) {
        float[] tile = TILE.get();
        // The bias as w floats, zero past n, for narrowEpilogue (the lane-sum scratch is free here).
        float[] biasPadded = null;
        if (bias != null && beta == 0f) {
            biasPadded = LANES.get();
            for (int j = 0; j < w; j++) {
                biasPadded[j] = j < n ? bias[biasOff + j] : 0f;
            }
        }
        int end = cOff + (m - 1) * ldc + n;   // one past C's last element in this call
        // A layer's case (bias, relu or not, rows of C contiguous): eight-row tiles finished on the registers and
        // stored straight into C (narrow8x1Bias), all but a last one whose whole vectors would reach past C. Where
        // measured: AVX-512 (with AVX2, n <= 8 measured 0.99 on both JDKs).
        boolean fused = L >= 16 && w == L && colA == 1 && ldc == n && beta == 0f && alpha == 1f
                && bias != null && act != Activation.SIGMOID;
        boolean relu = act == Activation.RELU;
        int i = 0;
        while (i < m) {
            int rows;
            int ai = aOff + i * rowA;
            if (NARROW16 && fused && rowA == NARROW_LDA && i + 16 <= m && cOff + (i + 15) * ldc + L <= end) {
                narrow16x1Bias64(kc, a, ai, wt, c, cOff + i * ldc, ldc, biasPadded, relu);
                i += 16;
                continue;
            }
            if (fused && i + 2 * MR <= m && cOff + (i + 2 * MR - 1) * ldc + L <= end) {
                if (NARROW_HALVES) {
                    narrow8x2hBias(kc, a, ai, rowA, wt, c, cOff + i * ldc, ldc, biasPadded, relu);
                } else if (rowA == NARROW_LDA) {
                    narrow8x1Bias64(kc, a, ai, wt, c, cOff + i * ldc, ldc, biasPadded, relu);
                } else {
                    narrow8x1Bias(kc, a, ai, rowA, wt, c, cOff + i * ldc, ldc, biasPadded, relu);
                }
                i += 2 * MR;
                continue;
            }
            if (i + 2 * MR <= m && w == L) {
                rows = 2 * MR;
                if (NARROW_HALVES) {
                    narrow8x2h(kc, a, ai, rowA, colA, wt, tile);
                } else if (colA == 1) {
                    narrow8x1(kc, a, ai, rowA, wt, tile);
                } else {
                    // colA != 1 only for op(A) = Aᵀ, whose rows are consecutive (rowA = 1).
                    narrow8x1t(kc, a, ai, colA, wt, tile);
                }
            } else if (L >= 16 && i + 2 * MR <= m && w == NR) {
                // 17 to 31 columns left on AVX-512: eight rows, as the full panels have. Against four rows
                // (one-JVM A/B, JDK 17 / 25): Aᵀ·Bᵀ 64×784×20 1.69 / 1.40, Aᵀ·B 1000×100×50 1.11 / 1.14, A·B
                // 1.00–1.08.
                rows = 2 * MR;
                if (colA == 1) {
                    tile8x2(kc, a, ai, rowA, 1, wt, 0, NR, 0f, tile, 0, NR);
                } else {
                    tile8x2t(kc, a, ai, colA, wt, 0, NR, 0f, tile, 0, NR);
                }
            } else if (L < 16 && i + MR <= m && w == NR && colA == 1 && rowA == NARROW_LDA) {
                rows = MR;
                narrow4x2at64(kc, a, ai, wt, tile);
            } else if (i + MR <= m && w == NR) {
                rows = MR;
                tile4x2(kc, a, ai, rowA, colA, wt, 0, w, 0f, tile, 0, w);
            } else if (L >= 16 && i + 4 <= m && colA == 1) {
                rows = 4;
                narrow4x1(kc, a, ai, rowA, wt, tile);
            } else {
                rows = 1;
                if (w == L) {
                    tile1x1(kc, 1f, a, ai, colA, wt, 0, w, 0f, tile, 0, null, 0, Activation.IDENTITY);
                } else {
                    tile1x2(kc, 1f, a, ai, colA, wt, 0, w, 0f, tile, 0, null, 0, Activation.IDENTITY);
                }
            }
            if (beta == 0f) {
                narrowEpilogue(tile, rows, w, alpha, biasPadded, act);
                narrowStore(tile, rows, w, n, c, cOff + i * ldc, ldc, end);
            } else {
                for (int r = 0; r < rows; r++) {
                    int ci = cOff + (i + r) * ldc;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = alpha * tile[r * w + j] + beta * c[ci + j];
                    }
                    rowEpilogue(c, ci, n, bias, biasOff, act);
                }
            }
            i += rows;
        }
    }

    /**
     * alpha, bias and relu over whole rows of a narrow tile, by vectors, before its first n columns are copied out:
     * column by column over the n < L columns of C, they took a third of a 64×64×10 product. The operations of
     * {@link #rowEpilogue} in its order (alpha·acc, + bias, max 0), so the same bits. One loop per case: a vector
     * chosen by a branch is boxed.
     */
    private static void narrowEpilogue(float[] tile, int rows, int w, float alpha, float[] bias, Activation act) {
        int end = rows * w;
        if (bias != null && act == Activation.RELU) {
            for (int t = 0; t < end; t += L) {
                FloatVector.fromArray(S, tile, t).mul(alpha).add(FloatVector.fromArray(S, bias, t % w)).max(0f)
                        .intoArray(tile, t);
            }
        } else if (bias != null) {
            for (int t = 0; t < end; t += L) {
                FloatVector.fromArray(S, tile, t).mul(alpha).add(FloatVector.fromArray(S, bias, t % w))
                        .intoArray(tile, t);
            }
        } else if (act == Activation.RELU) {
            for (int t = 0; t < end; t += L) {
                FloatVector.fromArray(S, tile, t).mul(alpha).max(0f).intoArray(tile, t);
            }
        } else {
            for (int t = 0; t < end; t += L) {
                FloatVector.fromArray(S, tile, t).mul(alpha).intoArray(tile, t);
            }
        }
    }

    /**
     * The first n columns of a finished narrow tile into C. Split out of narrowRows while the half-vector tile was
     * tried on JDK 17, where this copy was the first code C2 left boxed (see {@link #HALVES}); the A/B figures
     * for the half-vector tile were measured with it split out, so it stays.
     */
    private static void narrowStore(float[] tile, int rows, int w, int n, float[] c, int c0, int ldc, int end) {
        for (int r = 0; r < rows; r++) {
            int ci = c0 + r * ldc;
            if (ldc == n && w == L && ci + L <= end) {
                // Rows of C are contiguous: a whole vector also writes the next rows' first columns, which
                // those rows, stored after this one, overwrite. Never past this call's last row (another
                // thread's band may follow). A copy of n floats per row took about 15% of a 64×64×10 product.
                FloatVector.fromArray(S, tile, r * w).intoArray(c, ci);
            } else {
                System.arraycopy(tile, r * w, c, ci, n);
            }
        }
    }

    /**
     * Eight rows × one vector: eight independent FMA chains, enough to keep both FMA pipes busy. Rows of op(A)
     * along p (colA = 1): each index is then p plus a constant, so C2 hoists the range checks out of the loop. With
     * p·colA, as the tile for both layouts had, every broadcast kept its own check and index arithmetic (Intel
     * AVX-512, JDK 17, the tile alone at k = 64 and 784: 0.46–0.84 against 0.66–1.00 ns per FMA). Aᵀ has its own
     * tile, {@link #narrow8x1t}.
     */
    static void narrow8x1(int k, float[] a, int a0, int rowA, float[] wt, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA, a6 = a5 + rowA;
        int a7 = a6 + rowA;
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[a4 + p]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[a5 + p]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[a6 + p]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[a7 + p]).fma(v, c7);
        }
        ZERO.blend(c0, EVERY_LANE).intoArray(tile, 0);
        ZERO.blend(c1, EVERY_LANE).intoArray(tile, L);
        ZERO.blend(c2, EVERY_LANE).intoArray(tile, 2 * L);
        ZERO.blend(c3, EVERY_LANE).intoArray(tile, 3 * L);
        ZERO.blend(c4, EVERY_LANE).intoArray(tile, 4 * L);
        ZERO.blend(c5, EVERY_LANE).intoArray(tile, 5 * L);
        ZERO.blend(c6, EVERY_LANE).intoArray(tile, 6 * L);
        ZERO.blend(c7, EVERY_LANE).intoArray(tile, 7 * L);
    }

    /**
     * {@link #narrow8x1} for act(X·B + b) or act(X·Wᵀ + b) with alpha = 1 and beta = 0 into rows of C n floats apart:
     * the bias (zero past n) and relu added on the registers, then each row stored as one whole vector straight into C,
     * in order, so that a row's lanes past n, which land on the next row's first columns, are overwritten by that row.
     * The caller keeps the last row's vector inside C. This saves the scratch tile's store, narrowEpilogue's pass and
     * narrowStore's copy: about a fifth of relu(X·B + b) 64×64×10 besides the FMAs (1.4 of 1.9 µs, JDK 25). One-JVM A/B
     * against the scratch tile (JDK 17 / 25, four runs): relu(X·B + b) 64×64×10 1.09–1.20 / 1.05–1.27, relu(X·Wᵀ + b)
     * 64×64×10 1.06–1.13 / 1.05–1.09; two runs: X·B + b 64×64×10 0.99–1.02 / 1.08–1.09, X·Wᵀ + b 64×64×10 1.04–1.06 /
     * 1.08–1.12, relu(X·B + b) 100×64×10 1.03–1.18 / 1.08–1.11; one run: relu(X·B + b) 64×300×10 1.08 / 1.02,
     * relu(X·Wᵀ + b) 64×300×10 0.99 / 1.01, 16×64×10 (one tile of two fused) 1.08 / 0.96, X·Wᵀ + b 64×128×10 1.03 /
     * 1.02. Eight accumulators and one bias vector, as in {@link #tile4x2pRelu}, within C2's budgets on JDK 17 (no
     * allocation per call, ThreadMXBean, four fresh JVMs on each JDK). The relu and the bias-only stores are separate
     * straight-line blocks, so that no vector is chosen by a branch. narrowEpilogue's operations (alpha = 1 is exact,
     * and b + acc is acc + b), so the same bits.
     */
    private static void narrow8x1Bias(int k, float[] a, int a0, int rowA, float[] wt, float[] c, int ci, int ldc,
                                      float[] bias, boolean relu) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA, a6 = a5 + rowA;
        int a7 = a6 + rowA;
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[a4 + p]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[a5 + p]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[a6 + p]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[a7 + p]).fma(v, c7);
        }
        // b + acc, not acc + b: the same sum, called on a vector of known class, not on an accumulator (see ZERO).
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        if (relu) {
            b.add(c0).max(0f).intoArray(c, ci);
            b.add(c1).max(0f).intoArray(c, ci + ldc);
            b.add(c2).max(0f).intoArray(c, ci + 2 * ldc);
            b.add(c3).max(0f).intoArray(c, ci + 3 * ldc);
            b.add(c4).max(0f).intoArray(c, ci + 4 * ldc);
            b.add(c5).max(0f).intoArray(c, ci + 5 * ldc);
            b.add(c6).max(0f).intoArray(c, ci + 6 * ldc);
            b.add(c7).max(0f).intoArray(c, ci + 7 * ldc);
        } else {
            b.add(c0).intoArray(c, ci);
            b.add(c1).intoArray(c, ci + ldc);
            b.add(c2).intoArray(c, ci + 2 * ldc);
            b.add(c3).intoArray(c, ci + 3 * ldc);
            b.add(c4).intoArray(c, ci + 4 * ldc);
            b.add(c5).intoArray(c, ci + 5 * ldc);
            b.add(c6).intoArray(c, ci + 6 * ldc);
            b.add(c7).intoArray(c, ci + 7 * ldc);
        }
    }

    /**
     * {@link #narrow8x1Bias} where op(A)'s rows are {@link #NARROW_LDA} floats apart. Same FMA chains and
     * epilogue, so the same bits.
     */
    private static void narrow8x1Bias64(int k, float[] a, int a0, float[] wt, float[] c, int ci, int ldc,
                                        float[] bias, boolean relu) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            int q = a0 + p;
            c0 = FloatVector.broadcast(S, a[q]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[q + NARROW_LDA]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[q + 2 * NARROW_LDA]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[q + 3 * NARROW_LDA]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[q + 4 * NARROW_LDA]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[q + 5 * NARROW_LDA]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[q + 6 * NARROW_LDA]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[q + 7 * NARROW_LDA]).fma(v, c7);
        }
        // b + acc, not acc + b: the same sum, called on a vector of known class, not on an accumulator (see ZERO).
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        if (relu) {
            b.add(c0).max(0f).intoArray(c, ci);
            b.add(c1).max(0f).intoArray(c, ci + ldc);
            b.add(c2).max(0f).intoArray(c, ci + 2 * ldc);
            b.add(c3).max(0f).intoArray(c, ci + 3 * ldc);
            b.add(c4).max(0f).intoArray(c, ci + 4 * ldc);
            b.add(c5).max(0f).intoArray(c, ci + 5 * ldc);
            b.add(c6).max(0f).intoArray(c, ci + 6 * ldc);
            b.add(c7).max(0f).intoArray(c, ci + 7 * ldc);
        } else {
            b.add(c0).intoArray(c, ci);
            b.add(c1).intoArray(c, ci + ldc);
            b.add(c2).intoArray(c, ci + 2 * ldc);
            b.add(c3).intoArray(c, ci + 3 * ldc);
            b.add(c4).intoArray(c, ci + 4 * ldc);
            b.add(c5).intoArray(c, ci + 5 * ldc);
            b.add(c6).intoArray(c, ci + 6 * ldc);
            b.add(c7).intoArray(c, ci + 7 * ldc);
        }
    }

    /**
     * {@link #narrow8x1Bias64} with sixteen rows: sixteen independent FMA chains, where eight keep two pipes of 4-cycle
     * FMAs busy only if nothing else delays them, and one load of Wᵀ's row per sixteen FMAs. JDK 25 only (see
     * NARROW16). Same FMA chains and epilogue, so the same bits.
     */
    private static void narrow16x1Bias64(int k, float[] a, int a0, float[] wt, float[] c, int ci, int ldc,
                                         float[] bias, boolean relu) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S), c8 = FloatVector.zero(S);
        FloatVector c9 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S), c14 = FloatVector.zero(S);
        FloatVector c15 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            int q = a0 + p;
            c0 = FloatVector.broadcast(S, a[q]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[q + NARROW_LDA]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[q + 2 * NARROW_LDA]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[q + 3 * NARROW_LDA]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[q + 4 * NARROW_LDA]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[q + 5 * NARROW_LDA]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[q + 6 * NARROW_LDA]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[q + 7 * NARROW_LDA]).fma(v, c7);
            c8 = FloatVector.broadcast(S, a[q + 8 * NARROW_LDA]).fma(v, c8);
            c9 = FloatVector.broadcast(S, a[q + 9 * NARROW_LDA]).fma(v, c9);
            c10 = FloatVector.broadcast(S, a[q + 10 * NARROW_LDA]).fma(v, c10);
            c11 = FloatVector.broadcast(S, a[q + 11 * NARROW_LDA]).fma(v, c11);
            c12 = FloatVector.broadcast(S, a[q + 12 * NARROW_LDA]).fma(v, c12);
            c13 = FloatVector.broadcast(S, a[q + 13 * NARROW_LDA]).fma(v, c13);
            c14 = FloatVector.broadcast(S, a[q + 14 * NARROW_LDA]).fma(v, c14);
            c15 = FloatVector.broadcast(S, a[q + 15 * NARROW_LDA]).fma(v, c15);
        }
        // b + acc, not acc + b, as in narrow8x1Bias.
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        if (relu) {
            b.add(c0).max(0f).intoArray(c, ci);
            b.add(c1).max(0f).intoArray(c, ci + ldc);
            b.add(c2).max(0f).intoArray(c, ci + 2 * ldc);
            b.add(c3).max(0f).intoArray(c, ci + 3 * ldc);
            b.add(c4).max(0f).intoArray(c, ci + 4 * ldc);
            b.add(c5).max(0f).intoArray(c, ci + 5 * ldc);
            b.add(c6).max(0f).intoArray(c, ci + 6 * ldc);
            b.add(c7).max(0f).intoArray(c, ci + 7 * ldc);
            b.add(c8).max(0f).intoArray(c, ci + 8 * ldc);
            b.add(c9).max(0f).intoArray(c, ci + 9 * ldc);
            b.add(c10).max(0f).intoArray(c, ci + 10 * ldc);
            b.add(c11).max(0f).intoArray(c, ci + 11 * ldc);
            b.add(c12).max(0f).intoArray(c, ci + 12 * ldc);
            b.add(c13).max(0f).intoArray(c, ci + 13 * ldc);
            b.add(c14).max(0f).intoArray(c, ci + 14 * ldc);
            b.add(c15).max(0f).intoArray(c, ci + 15 * ldc);
        } else {
            b.add(c0).intoArray(c, ci);
            b.add(c1).intoArray(c, ci + ldc);
            b.add(c2).intoArray(c, ci + 2 * ldc);
            b.add(c3).intoArray(c, ci + 3 * ldc);
            b.add(c4).intoArray(c, ci + 4 * ldc);
            b.add(c5).intoArray(c, ci + 5 * ldc);
            b.add(c6).intoArray(c, ci + 6 * ldc);
            b.add(c7).intoArray(c, ci + 7 * ldc);
            b.add(c8).intoArray(c, ci + 8 * ldc);
            b.add(c9).intoArray(c, ci + 9 * ldc);
            b.add(c10).intoArray(c, ci + 10 * ldc);
            b.add(c11).intoArray(c, ci + 11 * ldc);
            b.add(c12).intoArray(c, ci + 12 * ldc);
            b.add(c13).intoArray(c, ci + 13 * ldc);
            b.add(c14).intoArray(c, ci + 14 * ldc);
            b.add(c15).intoArray(c, ci + 15 * ldc);
        }
    }

    /**
     * Four of the rows that eight-row tiles leave (m mod 8 from 4 on, AVX-512): four FMA chains, where a row at a time
     * waits on each FMA's latency (a 100×300×10 product spent 14% of its time in the four rows left by twelve tiles).
     * Same FMA chain per element as narrow8x1.
     */
    static void narrow4x1(int k, float[] a, int a0, int rowA, float[] wt, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(v, c3);
        }
        ZERO.blend(c0, EVERY_LANE).intoArray(tile, 0);
        ZERO.blend(c1, EVERY_LANE).intoArray(tile, L);
        ZERO.blend(c2, EVERY_LANE).intoArray(tile, 2 * L);
        ZERO.blend(c3, EVERY_LANE).intoArray(tile, 3 * L);
    }

    /**
     * {@link #narrow8x1} for op(A) = Aᵀ: at each p the tile's eight values of op(A) are eight consecutive floats of A's
     * row p, so the broadcasts share one index with constant displacements (as in {@link #tile8x2t}); with eight row
     * indices each offset by p·lda, every broadcast kept its own addition and range check. Same FMA chains, so the
     * same bits.
     */
    static void narrow8x1t(int k, float[] a, int a0, int lda, float[] wt, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S), c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
        FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, wt, p * L);
            int q = a0 + p * lda;
            c0 = FloatVector.broadcast(S, a[q]).fma(v, c0);
            c1 = FloatVector.broadcast(S, a[q + 1]).fma(v, c1);
            c2 = FloatVector.broadcast(S, a[q + 2]).fma(v, c2);
            c3 = FloatVector.broadcast(S, a[q + 3]).fma(v, c3);
            c4 = FloatVector.broadcast(S, a[q + 4]).fma(v, c4);
            c5 = FloatVector.broadcast(S, a[q + 5]).fma(v, c5);
            c6 = FloatVector.broadcast(S, a[q + 6]).fma(v, c6);
            c7 = FloatVector.broadcast(S, a[q + 7]).fma(v, c7);
        }
        ZERO.blend(c0, EVERY_LANE).intoArray(tile, 0);
        ZERO.blend(c1, EVERY_LANE).intoArray(tile, L);
        ZERO.blend(c2, EVERY_LANE).intoArray(tile, 2 * L);
        ZERO.blend(c3, EVERY_LANE).intoArray(tile, 3 * L);
        ZERO.blend(c4, EVERY_LANE).intoArray(tile, 4 * L);
        ZERO.blend(c5, EVERY_LANE).intoArray(tile, 5 * L);
        ZERO.blend(c6, EVERY_LANE).intoArray(tile, 6 * L);
        ZERO.blend(c7, EVERY_LANE).intoArray(tile, 7 * L);
    }

    /**
     * {@link #narrow8x1} with each vector split in two halves: two FMAs per broadcast of A instead of one. On Zen 4
     * the 512-bit broadcast is what held the one-vector tile back (the 64×64×10 tiles alone, JDK 25: 1.48 against
     * 1.62 µs). Each lane is the same FMA chain over p as in narrow8x1, so the same bits.
     */
    static void narrow8x2h(int k, float[] a, int a0, int rowA, int colA, float[] wt, float[] tile) {
        FloatVector c0 = FloatVector.zero(H), c1 = FloatVector.zero(H), c2 = FloatVector.zero(H);
        FloatVector c3 = FloatVector.zero(H), c4 = FloatVector.zero(H), c5 = FloatVector.zero(H);
        FloatVector c6 = FloatVector.zero(H), c7 = FloatVector.zero(H);
        FloatVector d0 = FloatVector.zero(H), d1 = FloatVector.zero(H), d2 = FloatVector.zero(H);
        FloatVector d3 = FloatVector.zero(H), d4 = FloatVector.zero(H), d5 = FloatVector.zero(H);
        FloatVector d6 = FloatVector.zero(H), d7 = FloatVector.zero(H);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA, a6 = a5 + rowA;
        int a7 = a6 + rowA;
        for (int p = 0; p < k; p++) {
            FloatVector lo = FloatVector.fromArray(H, wt, p * L);
            FloatVector hi = FloatVector.fromArray(H, wt, p * L + LH);
            int ap = p * colA;
            FloatVector x = FloatVector.broadcast(H, a[a0 + ap]);
            c0 = x.fma(lo, c0);
            d0 = x.fma(hi, d0);
            x = FloatVector.broadcast(H, a[a1 + ap]);
            c1 = x.fma(lo, c1);
            d1 = x.fma(hi, d1);
            x = FloatVector.broadcast(H, a[a2 + ap]);
            c2 = x.fma(lo, c2);
            d2 = x.fma(hi, d2);
            x = FloatVector.broadcast(H, a[a3 + ap]);
            c3 = x.fma(lo, c3);
            d3 = x.fma(hi, d3);
            x = FloatVector.broadcast(H, a[a4 + ap]);
            c4 = x.fma(lo, c4);
            d4 = x.fma(hi, d4);
            x = FloatVector.broadcast(H, a[a5 + ap]);
            c5 = x.fma(lo, c5);
            d5 = x.fma(hi, d5);
            x = FloatVector.broadcast(H, a[a6 + ap]);
            c6 = x.fma(lo, c6);
            d6 = x.fma(hi, d6);
            x = FloatVector.broadcast(H, a[a7 + ap]);
            c7 = x.fma(lo, c7);
            d7 = x.fma(hi, d7);
        }
        c0.intoArray(tile, 0);
        d0.intoArray(tile, LH);
        c1.intoArray(tile, L);
        d1.intoArray(tile, L + LH);
        c2.intoArray(tile, 2 * L);
        d2.intoArray(tile, 2 * L + LH);
        c3.intoArray(tile, 3 * L);
        d3.intoArray(tile, 3 * L + LH);
        c4.intoArray(tile, 4 * L);
        d4.intoArray(tile, 4 * L + LH);
        c5.intoArray(tile, 5 * L);
        d5.intoArray(tile, 5 * L + LH);
        c6.intoArray(tile, 6 * L);
        d6.intoArray(tile, 6 * L + LH);
        c7.intoArray(tile, 7 * L);
        d7.intoArray(tile, 7 * L + LH);
    }

    /**
     * {@link #narrow8x2h} finished as {@link #narrow8x1Bias} finishes narrow8x1: bias (zero past n) and relu added to
     * both halves on the registers, each row stored as its two halves straight into C, rows in order so that a row's
     * lanes past n, landing on the next row's first columns, are overwritten by that row. On Zen 4 (EPYC, family 25
     * model 17, JDK 25), against the halves' scratch tile, narrowEpilogue and narrowStore: relu(X·B + b) 64×64×10 1.80
     * → 1.42 µs (best of 20 batches); one-JVM A/B, two JVMs, relu(X·B + b) 64×64×10 1.19–1.22, X·B + b 1.04–1.06.
     * The same FMA chains and epilogue operations, so the same bits.
     */
    static void narrow8x2hBias(int k, float[] a, int a0, int rowA, float[] wt, float[] c, int ci, int ldc,
                               float[] bias, boolean relu) {
        FloatVector c0 = FloatVector.zero(H), c1 = FloatVector.zero(H), c2 = FloatVector.zero(H);
        FloatVector c3 = FloatVector.zero(H), c4 = FloatVector.zero(H), c5 = FloatVector.zero(H);
        FloatVector c6 = FloatVector.zero(H), c7 = FloatVector.zero(H);
        FloatVector d0 = FloatVector.zero(H), d1 = FloatVector.zero(H), d2 = FloatVector.zero(H);
        FloatVector d3 = FloatVector.zero(H), d4 = FloatVector.zero(H), d5 = FloatVector.zero(H);
        FloatVector d6 = FloatVector.zero(H), d7 = FloatVector.zero(H);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA, a6 = a5 + rowA;
        int a7 = a6 + rowA;
        for (int p = 0; p < k; p++) {
            FloatVector lo = FloatVector.fromArray(H, wt, p * L);
            FloatVector hi = FloatVector.fromArray(H, wt, p * L + LH);
            FloatVector x = FloatVector.broadcast(H, a[a0 + p]);
            c0 = x.fma(lo, c0);
            d0 = x.fma(hi, d0);
            x = FloatVector.broadcast(H, a[a1 + p]);
            c1 = x.fma(lo, c1);
            d1 = x.fma(hi, d1);
            x = FloatVector.broadcast(H, a[a2 + p]);
            c2 = x.fma(lo, c2);
            d2 = x.fma(hi, d2);
            x = FloatVector.broadcast(H, a[a3 + p]);
            c3 = x.fma(lo, c3);
            d3 = x.fma(hi, d3);
            x = FloatVector.broadcast(H, a[a4 + p]);
            c4 = x.fma(lo, c4);
            d4 = x.fma(hi, d4);
            x = FloatVector.broadcast(H, a[a5 + p]);
            c5 = x.fma(lo, c5);
            d5 = x.fma(hi, d5);
            x = FloatVector.broadcast(H, a[a6 + p]);
            c6 = x.fma(lo, c6);
            d6 = x.fma(hi, d6);
            x = FloatVector.broadcast(H, a[a7 + p]);
            c7 = x.fma(lo, c7);
            d7 = x.fma(hi, d7);
        }
        // b + acc, as in narrow8x1Bias: the call on a vector of known class.
        FloatVector bl = FloatVector.fromArray(H, bias, 0), bh = FloatVector.fromArray(H, bias, LH);
        if (relu) {
            bl.add(c0).max(0f).intoArray(c, ci);
            bh.add(d0).max(0f).intoArray(c, ci + LH);
            bl.add(c1).max(0f).intoArray(c, ci + ldc);
            bh.add(d1).max(0f).intoArray(c, ci + ldc + LH);
            bl.add(c2).max(0f).intoArray(c, ci + 2 * ldc);
            bh.add(d2).max(0f).intoArray(c, ci + 2 * ldc + LH);
            bl.add(c3).max(0f).intoArray(c, ci + 3 * ldc);
            bh.add(d3).max(0f).intoArray(c, ci + 3 * ldc + LH);
            bl.add(c4).max(0f).intoArray(c, ci + 4 * ldc);
            bh.add(d4).max(0f).intoArray(c, ci + 4 * ldc + LH);
            bl.add(c5).max(0f).intoArray(c, ci + 5 * ldc);
            bh.add(d5).max(0f).intoArray(c, ci + 5 * ldc + LH);
            bl.add(c6).max(0f).intoArray(c, ci + 6 * ldc);
            bh.add(d6).max(0f).intoArray(c, ci + 6 * ldc + LH);
            bl.add(c7).max(0f).intoArray(c, ci + 7 * ldc);
            bh.add(d7).max(0f).intoArray(c, ci + 7 * ldc + LH);
        } else {
            bl.add(c0).intoArray(c, ci);
            bh.add(d0).intoArray(c, ci + LH);
            bl.add(c1).intoArray(c, ci + ldc);
            bh.add(d1).intoArray(c, ci + ldc + LH);
            bl.add(c2).intoArray(c, ci + 2 * ldc);
            bh.add(d2).intoArray(c, ci + 2 * ldc + LH);
            bl.add(c3).intoArray(c, ci + 3 * ldc);
            bh.add(d3).intoArray(c, ci + 3 * ldc + LH);
            bl.add(c4).intoArray(c, ci + 4 * ldc);
            bh.add(d4).intoArray(c, ci + 4 * ldc + LH);
            bl.add(c5).intoArray(c, ci + 5 * ldc);
            bh.add(d5).intoArray(c, ci + 5 * ldc + LH);
            bl.add(c6).intoArray(c, ci + 6 * ldc);
            bh.add(d6).intoArray(c, ci + 6 * ldc + LH);
            bl.add(c7).intoArray(c, ci + 7 * ldc);
            bh.add(d7).intoArray(c, ci + 7 * ldc + LH);
        }
    }

    /** This thread's buffer from {@code holder}, grown to at least {@code size} floats (kept for the next call). */
    private static float[] buffer(ThreadLocal<float[][]> holder, int size) {
        float[][] h = holder.get();
        if (h[0].length < size) {
            h[0] = new float[size];
        }
        return h[0];
    }

    /** A buffer of B's panels, {@code size} floats from {@link #PANEL_SHIFT} on, from {@link HeapLayout#floats}. */
    private static float[] panelBuffer(ThreadLocal<float[][]> holder, int size) {
        float[][] h = holder.get();
        if (h[0].length < size + PANEL_SHIFT) {
            h[0] = HeapLayout.floats(size);
        }
        return h[0];
    }

    /**
     * C[0..m, 0..n) = epilogue(alpha · op(A) · B + beta · C), B with contiguous rows of n.
     *
     * <p>With {@code packPanels}, each {@code k × NR} panel of B (2·NR for {@link #wideTiles}) is first copied into
     * a contiguous per-thread buffer and read from there by every row tile: read in place, one step of p jumps a
     * whole row of B (a new page for wide matrices), and at 2048² that thrashed the TLB and caches (25 GFLOP/s
     * against 58 at 1024²).
     * The copy costs k·NR moves against m·k·NR FMAs, so it pays from a few row tiles on. Tiles, bands and
     * groups only change the order in which elements of C are computed, never the arithmetic of one, so results
     * do not depend on them.
     *
     * <p>With {@code transB}, b holds Bᵀ (n rows of kc floats, {@code ldb} apart) and the panels are packed by
     * transposing it; only with {@code packPanels} and n a multiple of NR.
     */
    private static void block(int m, int n, int kc, float alpha, float[] a, int aOff, int rowA, int colA,
                              float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                              float[] bias, int biasOff, Activation act, boolean packPanels, boolean transB) {
        int full = n - n % NR;
        if (packPanels) {
            // Panels packed a group at a time (all of B when it fits in UNBLOCKED_MAX_KN floats), then the rows a
            // band at a time, each band through every panel of the group: the band of A stays in L2 while the
            // panels pass (panel by panel over all of m, a 10000×784 A was streamed from memory once per panel).
            int group = groupColumns(kc);
            boolean copyA = copiesRowsOfA(colA, m, full, kc);
            int pass = copyA ? A_PASS : m;
            boolean keepB = m > 2 * pass && (long) kc * full <= KEPT_PANELS_MAX;
            float[] panels = keepB ? panelBuffer(PANELS_KEPT, kc * full)
                    : panelBuffer(PANEL, kc * Math.min(group, full));
            float[] ap = copyA ? buffer(A_ROWS, Math.min(pass, m) * A_STRIDE) : null;
            for (int s0 = 0; s0 < m; s0 += pass) {
                int passRows = Math.min(pass, m - s0);
                if (copyA) {
                    copyRows(a, aOff + s0 * rowA, rowA, colA, passRows, kc, ap);
                }
                for (int j0 = 0; j0 < full; j0 += group) {
                    int cols = Math.min(group, full - j0);
                    // Over copied rows, panels of 2·NR columns for the six-row tiles (the last one NR if cols is
                    // an odd number of NR); panel j starts at base + j·kc either way. Kept panels are packed in the
                    // first pass only, each group at its own place.
                    int wide = copyA && L >= 16 ? cols - cols % (2 * NR) : 0;
                    int base = (keepB ? j0 * kc : 0) + PANEL_SHIFT;
                    boolean pack = !keepB || s0 == 0;
                    for (int j = 0; j < cols && transB && pack; j += j < wide ? 2 * NR : NR) {
                        int w = j < wide ? 2 * NR : NR;
                        transpose(b, bOff + (j0 + j) * ldb, ldb, w, kc, panels, base + j * kc, w);
                    }
                    if (!transB && pack) {
                        packGroup(b, bOff + j0, ldb, cols, wide, kc, panels, base);
                    }
                    for (int i0 = s0; i0 < s0 + passRows; i0 += BAND) {
                        groupTiles(Math.min(BAND, s0 + passRows - i0), kc, alpha, a, aOff + i0 * rowA, rowA, colA, ap,
                                (i0 - s0) * A_STRIDE, panels, base, cols, wide, beta, c, cOff + i0 * ldc + j0, ldc,
                                bias, biasOff + j0, act);
                    }
                }
            }
        } else {
            int j = 0;
            for (; m == 1 && ONE_PASS_ROW && colA == 1 && j + 8 * NR <= full; j += 8 * NR) {
                tile1x16(kc, alpha, a, aOff, b, bOff + j, ldb, beta, c, cOff + j, bias, biasOff + j, act);
            }
            if (m == 1 && ROW_IN_C && colA == 1 && beta == 0f && full == 8 * NR) {
                tile1x16c(kc, alpha, a, aOff, b, bOff, ldb, c, cOff, bias, biasOff, act);
                j = full;
            }
            for (; m == 1 && (full == 4 * NR || L < 16) && j + 4 * NR <= full; j += 4 * NR) {
                tile1x8(kc, alpha, a, aOff, colA, b, bOff + j, ldb, beta, c, cOff + j, bias, biasOff + j, act);
            }
            if (m < MR) {
                for (; j + 2 * NR <= full; j += 2 * NR) {
                    fewRows(m, kc, alpha, a, aOff, rowA, colA, b, bOff + j, ldb, beta, c, cOff + j, ldc, bias,
                            biasOff + j, act);
                }
            } else if (fourRowsInPlace(colA, full, kc, ldb)) {
                int i = 0;
                // Six-row tiles first, as many as leave the four-row tiles a multiple of four rows, plus at most one:
                // the one- to three-row tiles load each row of B for fewer FMAs (8×128×64 as 6 + 2 rows: 0.90).
                boolean sixK = !SIX_IN_PLACE && rowA == SIX_LDA;
                int six = (SIX_IN_PLACE || sixK) && ldb == 2 * NR ? m / 6 : 0;
                if (six > 0 && ((m - 6 * six) & 3) >= 2) {
                    six--;
                }
                boolean relu = beta == 0f && alpha == 1f && bias != null && act == Activation.RELU;
                for (; sixK && i < 6 * six; i += 6) {
                    if (beta == 0f) {
                        tile6x4pk(kc, a, aOff + i * rowA, b, bOff, c, cOff + i * ldc, ldc);
                    } else {
                        tile6x4pk(kc, a, aOff + i * rowA, b, bOff, TILE.get(), 0, 2 * NR);
                    }
                    epilogue(6, 2 * NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
                }
                for (; relu && i < 6 * six; i += 6) {
                    tile6x4pRelu(kc, a, aOff + i * rowA, rowA, b, bOff, c, cOff + i * ldc, ldc, bias, biasOff);
                }
                for (; i < 6 * six; i += 6) {
                    tile6x4p(kc, a, aOff + i * rowA, rowA, b, bOff, beta, c, cOff + i * ldc, ldc);
                    epilogue(6, 2 * NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
                }
                for (; i + MR <= m; i += MR) {
                    if (ldb == 2 * NR) {
                        tile4x4p(kc, a, aOff + i * rowA, rowA, b, bOff, beta, c, cOff + i * ldc, ldc);
                    } else {
                        tile4x4(kc, a, aOff + i * rowA, rowA, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
                    }
                    epilogue(MR, 2 * NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
                }
                if (i < m) {
                    fewRows(m - i, kc, alpha, a, aOff + i * rowA, rowA, colA, b, bOff, ldb, beta, c, cOff + i * ldc,
                            ldc, bias, biasOff, act);
                }
                j = full;
            }
            // One pass of copied rows here, so only where A fits one: B is read in place up to IN_PLACE_MAX_M rows,
            // but at any m when k < PANEL_MIN_K.
            float[] ap = null;
            if (L >= 16 && j < full && copiesRowsOfA(colA, m, full - j, kc) && m <= A_PASS) {
                ap = buffer(A_ROWS, m * A_STRIDE);
                copyRows(a, aOff, rowA, colA, m, kc, ap);
            }
            for (; ap != null && j + 2 * NR <= full; j += 2 * NR) {
                wideTiles(m, kc, alpha, a, aOff, rowA, colA, ap, 0, b, bOff + j, ldb, beta, c, cOff + j, ldc, bias,
                        biasOff + j, act);
            }
            for (; j < full; j += NR) {
                tiles(m, kc, alpha, a, aOff, rowA, colA, ap, 0, b, bOff + j, ldb, beta, c, cOff + j, ldc, bias,
                        biasOff + j, act);
            }
        }
        int j = full;
        if (j < n) {
            // The last n mod NR columns: packed into whole vectors, so they run as vector tiles too (column by column
            // in scalar FMAs, a 64×64×10 product ran at 2 GFLOP/s).
            int nr = n - j;
            int w = nr <= L ? L : NR;
            float[] wt = panelBuffer(PANEL, Math.max(kc, 1) * NR);
            // A row's nr floats and whatever follows them, a vector at a time while that stays inside b: the lanes
            // past nr are never finished into C (narrowRows finishes n columns), and lanes do not mix. The
            // element-by-element copy with zero padding cost a third of a 64×64×10 product; it remains for the
            // last rows, where a vector would read past the end of b.
            int p = 0;
            for (; p < kc && bOff + p * ldb + j + w <= b.length; p++) {
                int src = bOff + p * ldb + j;
                for (int q = 0; q < w; q += L) {
                    FloatVector.fromArray(S, b, src + q).intoArray(wt, p * w + q);
                }
            }
            for (; p < kc; p++) {
                int src = bOff + p * ldb + j;
                for (int q = 0; q < w; q++) {
                    wt[p * w + q] = q < nr ? b[src + q] : 0f;
                }
            }
            narrowRows(m, nr, w, kc, alpha, a, aOff, rowA, colA, wt, beta, c, cOff + j, ldc, bias, biasOff + j, act);
        }
    }

    /** Columns of B packed at a time: a group of panels of at most UNBLOCKED_MAX_KN floats, whole panels of NR. */
    private static int groupColumns(int kc) {
        return Math.max(NR, UNBLOCKED_MAX_KN / Math.max(kc, 1) / NR * NR);
    }

    /** A group of {@code cols} columns of B, from {@code src} (row p at src + p·ldb), into its panels at base. */
    private static void packGroup(float[] b, int src, int ldb, int cols, int wide, int kc, float[] panels, int base) {
        for (int p = 0; p < kc; p++) {
            packRow(b, src + p * ldb, cols, wide, kc, panels, base, p);
        }
    }

    /**
     * A band of {@code rows} rows through a group of {@code cols} columns packed at {@code base}: the wide panels
     * (the first {@code wide} columns) by {@link #wideTiles}, the rest panel by panel by {@link #tiles}.
     */
    private static void groupTiles(int rows, int kc, float alpha, float[] a, int aOff, int rowA, int colA, float[] ap,
                                   int ap0, float[] panels, int base, int cols, int wide, float beta, float[] c,
                                   int cOff, int ldc, float[] bias, int biasOff, Activation act) {
        int j = 0;
        for (; j < wide; j += 2 * NR) {
            wideTiles(rows, kc, alpha, a, aOff, rowA, colA, ap, ap0, panels, base + j * kc, 2 * NR, beta, c, cOff + j,
                    ldc, bias, biasOff + j, act);
        }
        for (; j < cols; j += NR) {
            tiles(rows, kc, alpha, a, aOff, rowA, colA, ap, ap0, panels, base + j * kc, NR, beta, c, cOff + j, ldc,
                    bias, biasOff + j, act);
        }
    }

    /**
     * Row p of B's group of panels, {@code cols} floats from {@code src}, into row p of each panel: the first
     * {@code wide} columns in panels of kc × 2·NR floats, the rest in panels of kc × NR (panel j at base + j·kc). Row
     * by row, B is read along its rows, a stretch of cols floats at a time; panel by panel, it was read NR floats per
     * row of B, a whole row of B apart, and packing took 40–50% of a 512³ product on Intel AVX-512. Its own method, so
     * that C2 compiles it after a few calls: inside block(), which large products call a few times a second, it ran in
     * C1's code, where the Vector API's calls are not intrinsics, for seconds. A row of a panel is two (or four)
     * vectors, copied as such: against a System.arraycopy per row, AVX2 on JDK 25 (JMH, three forks) ran relu(X·B + b)
     * 64×128×64 at 84.9 against 81.0 GFLOP/s and 64×784×128 at 90.0 against 84.3.
     */
    private static void packRow(float[] b, int src, int cols, int wide, int kc, float[] panels, int base, int p) {
        int j = 0;
        for (; j < wide; j += 2 * NR) {
            int dst = base + j * kc + p * 2 * NR;
            FloatVector.fromArray(S, b, src + j).intoArray(panels, dst);
            FloatVector.fromArray(S, b, src + j + L).intoArray(panels, dst + L);
            FloatVector.fromArray(S, b, src + j + 2 * L).intoArray(panels, dst + 2 * L);
            FloatVector.fromArray(S, b, src + j + 3 * L).intoArray(panels, dst + 3 * L);
        }
        for (; j < cols; j += NR) {
            int dst = base + j * kc + p * NR;
            FloatVector.fromArray(S, b, src + j).intoArray(panels, dst);
            FloatVector.fromArray(S, b, src + j + L).intoArray(panels, dst + L);
        }
    }

    /**
     * Rows [0, m) of one NR-column panel of C: tiles of eight rows where they fit, then four, then one. With
     * {@code ap}, the eight-row tiles read op(A) from there, copied by {@link #copyRows} (row 0 of this call at
     * {@code ap0}), and so do the four-row tiles of 16-register machines over a packed panel ({@link #tile4x2r}); the
     * rest read it in place.
     */
    private static void tiles(int m, int kc, float alpha, float[] a, int aOff, int rowA, int colA, float[] ap, int ap0,
                              float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                              float[] bias, int biasOff, Activation act) {
        int i = 0;
        if (L >= 16) {
            for (; i + 2 * MR <= m; i += 2 * MR) {
                if (ap != null && ldb == NR && kc % 2 == 0) {
                    tile8x2rp(kc, ap, ap0 + i * A_STRIDE, b, bOff, beta, c, cOff + i * ldc, ldc);
                } else if (ap != null) {
                    tile8x2r(kc, ap, ap0 + i * A_STRIDE, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
                } else if (rowA == 1 && colA != 1) {
                    tile8x2t(kc, a, aOff + i, colA, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
                } else {
                    tile8x2(kc, a, aOff + i * rowA, rowA, colA, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
                }
                epilogue(2 * MR, NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
            }
        }
        boolean packed = colA == 1 && ldb == NR;
        boolean relu = packed && beta == 0f && alpha == 1f && bias != null && act == Activation.RELU;
        boolean copied = L < 16 && ap != null && ldb == NR;
        for (; i + MR <= m; i += MR) {
            if (copied && relu) {
                tile4x2rRelu(kc, ap, ap0 + i * A_STRIDE, b, bOff, c, cOff + i * ldc, ldc, bias, biasOff);
                continue;
            }
            if (copied) {
                tile4x2r(kc, ap, ap0 + i * A_STRIDE, b, bOff, beta, c, cOff + i * ldc, ldc);
                epilogue(MR, NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
                continue;
            }
            if (relu) {
                tile4x2pRelu(kc, a, aOff + i * rowA, rowA, b, bOff, c, cOff + i * ldc, ldc, bias, biasOff);
                continue;
            }
            if (runsTile4x2at128(rowA, colA, ldb)) {
                tile4x2at128(kc, a, aOff + i * rowA, b, bOff, beta, c, cOff + i * ldc, ldc);
                epilogue(MR, NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
                continue;
            }
            tile4x2(kc, a, aOff + i * rowA, rowA, colA, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
            epilogue(MR, NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
        }
        for (; i < m; i++) {
            tile1x2(kc, alpha, a, aOff + i * rowA, colA, b, bOff, ldb,
                    beta, c, cOff + i * ldc, bias, biasOff, act);
        }
    }

    /**
     * Eight rows × two vectors: 16 accumulators, 16 FMAs per 2 loads of B and 8 broadcasts, where there are 32
     * vector registers (AVX-512). Same FMA chain per element as {@link #tile4x2}, so results do not change. Leaves
     * the raw sums for {@link #epilogue}.
     */
    private static void tile8x2(int kc, float[] a, int a0, int rowA, int colA, float[] b, int bOff, int ldb,
                                float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA, a6 = a5 + rowA;
        int a7 = a6 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int ap = p * colA;
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[a6 + ap]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[a7 + ap]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile, for epilogue(). No
        // vector crosses a call: passed to one that C2 leaves out of line, it is boxed. Stored directly, not through
        // ZERO.blend: 16 blends more took this method past C2's parse-time node budget on JDK 17, and what C2 then
        // delays loses its exact type all the same.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c60.intoArray(out, o + 6 * ldo);
        c61.intoArray(out, o + 6 * ldo + L);
        c70.intoArray(out, o + 7 * ldo);
        c71.intoArray(out, o + 7 * ldo + L);
    }

    /**
     * {@link #tile8x2} over rows of op(A) copied {@link #A_STRIDE} floats apart by {@link #copyRows}. Same FMA chain
     * per element, so the same bits. Alternating with tile8x2 in one JVM on Intel AVX-512 (/tmp harness, packed B,
     * kc = 128 and 784), it ran 1.08–1.52× tile8x2's rate, at 110–125 GFLOP/s when the core was not shared.
     */
    private static void tile8x2r(int kc, float[] ap, int a0, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int q = a0 + p;
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[q + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[q + 5 * A_STRIDE]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[q + 6 * A_STRIDE]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[q + 7 * A_STRIDE]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // Raw sums, as in tile8x2.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c60.intoArray(out, o + 6 * ldo);
        c61.intoArray(out, o + 6 * ldo + L);
        c70.intoArray(out, o + 7 * ldo);
        c71.intoArray(out, o + 7 * ldo + L);
    }

    /**
     * Rows [0, m) of a 2·NR-column stretch of C, B read in place or from a 2·NR-wide packed panel (ldb = 2·NR),
     * op(A) from its rows copied by {@link #copyRows}: six-row tiles of four vectors, and as many five-row ones
     * (0 to 5) as make up m. Where they cannot (m of 1–4, 7–9, 13, 14 or 19), the eight-row tiles and the row
     * tails of {@link #tiles}. The five-row tiles replaced eight-row ones for the rows past the last multiple of 24:
     * one-JVM A/B, two runs, -Dwork=5e9, JDK 17 / 25: relu(X·B + b) 64×128×64 1.02 / 1.07, 37×300×128 1.15 / 1.12,
     * 512³–2048³ 1.03–1.06 / 1.02–1.04, Aᵀ·B 1024³ 1.04 / 1.04, Aᵀ·Bᵀ 1024³ 0.95 / 1.04, the rest 1.01–1.06.
     * Each element is the same FMA chain whichever tile computes it, so the split does not change a bit.
     */
    private static void wideTiles(int m, int kc, float alpha, float[] a, int aOff, int rowA, int colA, float[] ap,
                                  int ap0, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                                  float[] bias, int biasOff, Activation act) {
        int fives = (6 - m % 6) % 6;
        if (5 * fives > m) {
            for (int j = 0; j < 2 * NR; j += NR) {
                tiles(m, kc, alpha, a, aOff, rowA, colA, ap, ap0, b, bOff + j, ldb, beta, c, cOff + j, ldc, bias,
                        biasOff + j, act);
            }
            return;
        }
        int i = 0;
        for (; i < m - 5 * fives; i += 6) {
            tile6x4r(kc, ap, ap0 + i * A_STRIDE, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
            epilogue(6, 2 * NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
        }
        for (; i < m; i += 5) {
            tile5x4r(kc, ap, ap0 + i * A_STRIDE, b, bOff, ldb, beta, c, cOff + i * ldc, ldc);
            epilogue(5, 2 * NR, alpha, beta, c, cOff + i * ldc, ldc, bias, biasOff, act);
        }
    }

    /**
     * One to three rows × four vectors (two vectors of NR columns), row by row for one, else in one tile that loads
     * each row of B once for all of them. Same FMA chain per element as every other tile.
     */
    private static void fewRows(int rows, int kc, float alpha, float[] a, int aOff, int rowA, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                                float[] bias, int biasOff, Activation act) {
        if (rows > 1) {
            tile3x4(rows, kc, alpha, a, aOff, rowA, colA, b, bOff, ldb, beta, c, cOff, ldc, bias, biasOff, act);
        } else if (HALVES) {
            tile1x8h(kc, alpha, a, aOff, colA, b, bOff, ldb, beta, c, cOff, bias, biasOff, act);
        } else {
            tile1x4(kc, alpha, a, aOff, colA, b, bOff, ldb, beta, c, cOff, bias, biasOff, act);
        }
    }

    /**
     * Whether op(A) (rows along p) is read in place by {@link #tile4x4} where B, read in place, is a single panel of
     * four vectors (2·NR columns) and at most FOUR_ROWS_MAX_K deep. Such a product (relu(X·B + b) 64×128×64, a
     * hidden layer of the tutorial) has only that one panel to share the copy of A that the six-row tiles need;
     * the copy then took about a sixth of the product (skipped, in a build that read stale rows: 1.19×). One-JVM A/B
     * against the copy, Intel AVX-512, JDK 25, five to six runs, relu(X·B + b): 64×128×64 1.04–1.08, 64×64×64
     * 1.06–1.16, 8×128×64 1.16–1.29; one run each: 13×128×64 1.36, 128×128×64 1.14, 1000×32×64 1.38; relu(X·Wᵀ + b)
     * 64×128×64 0.93–1.12, 64×64×64 1.17. Past the limit it loses (64×256×64 0.99, 64×784×128 0.84), and so it does
     * with two panels (64×128×128 0.80), which share the copy.
     *
     * <p>On JDK 17 only where B's rows are 2·NR floats apart, through {@link #tile4x4p}. There tile4x4's compiled
     * loop runs at one of two speeds, chosen anew in each JVM: 0.24–0.26 or 0.36–0.41 ns per FMA (the tile alone
     * over 64 rows at k = 128, eight JVMs; the slow one spills B's stride and checks B's bounds at every step), which
     * is why six A/B runs against the copy ranged from 0.70 to 1.20. With the stride a constant it was fast in all
     * thirteen JVMs, and against the copy (one-JVM A/B, four runs) relu(X·B + b) 64×128×64 measured 1.07–1.20,
     * 64×64×64 1.08–1.12, 128×128×64 1.07–1.09, relu(X·Wᵀ + b) 64×128×64 1.07–1.13; one run each: 13×128×64 1.38,
     * 3000×32×64 1.24, 16×96×64 1.02. On JDK 25 it measured 0.99–1.05 of tile4x4 (which is faster there with B's
     * index stepped, see tile6x4r), so it runs there too where it applies, one tile for both.
     */
    private static boolean fourRowsInPlace(int colA, int full, int kc, int ldb) {
        return L >= 16 && (FOUR_ROWS || ldb == 2 * NR) && colA == 1 && full == 2 * NR && kc > 0
                && kc <= FOUR_ROWS_MAX_K;
    }

    /**
     * Four rows × four vectors, op(A) read in place (rows {@code rowA} apart, along p) and B in place: 16
     * accumulators, 16 FMAs per 4 loads of B and 4 broadcasts. Each broadcast costs an addition for its row's index
     * that the copied rows of {@link #tile6x4r} avoid, and 4 rows load each row of B for fewer FMAs, so past a B
     * panel that fits L1 the copy wins (see FOUR_ROWS_MAX_K). Same FMA chain per element as every tile. Leaves the
     * raw sums for {@link #epilogue}.
     */
    private static void tile4x4(int kc, float[] a, int a0, int rowA, float[] b, int bOff, int ldb,
                                float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        int bp = bOff;
        for (int p = 0; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        // Raw sums, as in tile6x4r.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
    }

    /**
     * {@link #tile4x4} where B's rows are 2·NR floats apart (B exactly one panel wide: n = 64 on AVX-512, as in the
     * tutorial's 128→64 layer, and any shallow X·Wᵀ of 64 outputs, whose Wᵀ is transposed into rows of n): with the
     * stride a constant, C2 on JDK 17 compiles the loop the same way in every JVM (see fourRowsInPlace). Same FMA
     * chain per element, so the same bits. Leaves the raw sums for {@link #epilogue}.
     */
    private static void tile4x4p(int kc, float[] a, int a0, int rowA, float[] b, int bOff,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * 2 * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        // Raw sums, as in tile6x4r.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
    }

    /**
     * {@link #tile4x4p} with six rows: 24 FMAs per 4 loads of B and 6 broadcasts instead of 16 per 4 and 4, the ratio
     * of {@link #tile6x4r}, without its copy of A. The tiles alone over 64 rows at k = 128 (JDK 25, seven JVMs, side by
     * side in each): 0.92–0.98 of the time of sixteen four-row tiles as ten of these and one four-row tile (7.90–8.08
     * µs against 8.49–8.71 in five, 8.47 against 9.08 and 12.8 against 13.1 in slow phases of the machine). One-JVM A/B
     * against the four-row tiles alone (JDK 25, three runs), relu(X·B + b): 64×128×64 1.04–1.06, 64×64×64 1.06–1.07,
     * 128×128×64 1.07–1.11, 13×128×64 1.05–1.07, 14×128×64 1.15, 64×16×64 1.17; relu(X·Wᵀ + b) 64×128×64 1.05–1.08,
     * 64×64×64 1.02. Same FMA chain per element, so the same bits. Leaves the raw sums for {@link #epilogue}.
     */
    private static void tile6x4p(int kc, float[] a, int a0, int rowA, float[] b, int bOff,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * 2 * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        // Raw sums, as in tile6x4r.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c42.intoArray(out, o + 4 * ldo + 2 * L);
        c43.intoArray(out, o + 4 * ldo + 3 * L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c52.intoArray(out, o + 5 * ldo + 2 * L);
        c53.intoArray(out, o + 5 * ldo + 3 * L);
    }

    /**
     * {@link #tile6x4p} where op(A)'s rows are {@link #SIX_LDA} floats apart, for JDK 17: with A's stride a constant
     * too, the six rows are one index plus constant displacements, and C2 compiles the loop the same way in every JVM
     * (see SIX_LDA). Same FMA chain per element, so the same bits. Leaves the raw sums for {@link #epilogue}, in
     * {@code out}: the caller picks C or the scratch tile, so that no float parameter (beta) stays live in a vector
     * register through the loop, as it did (hsdis), where the 24 accumulators, 4 rows of B and the broadcasts need
     * 29 to 31 of the 32.
     */
    private static void tile6x4pk(int kc, float[] a, int a0, float[] b, int bOff, float[] out, int o, int ldo) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * 2 * NR, q = a0 + p;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[q + SIX_LDA]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[q + 2 * SIX_LDA]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[q + 3 * SIX_LDA]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[q + 4 * SIX_LDA]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.broadcast(S, a[q + 5 * SIX_LDA]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        // Raw sums, as in tile6x4r.
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c42.intoArray(out, o + 4 * ldo + 2 * L);
        c43.intoArray(out, o + 4 * ldo + 3 * L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c52.intoArray(out, o + 5 * ldo + 2 * L);
        c53.intoArray(out, o + 5 * ldo + 3 * L);
    }

    /**
     * {@link #tile6x4p} for relu(X·B + b) with beta = 0 and alpha = 1, the tutorial's hidden layers: the bias and
     * relu on the registers, C = that, as {@link #tile4x2pRelu} does, instead of {@link #reluTile}'s pass over the
     * stored sums (about 0.45 µs of a 9 µs relu(X·B + b) 64×128×64 on JDK 25). JDK 25 only, as tile6x4p, so JDK 17's
     * budgets (see reluTile) never meet it; no allocation per call (ThreadMXBean, three fresh JVMs, and
     * TrainingStepAllocationTest). One-JVM A/B against tile6x4p and reluTile (JDK 25, two runs): relu(X·B + b)
     * 64×128×64 1.01–1.04, 64×64×64 1.02–1.03, 128×128×64 1.01, 13×128×64 1.05; relu(X·Wᵀ + b) 64×128×64 1.04–1.15.
     * Same FMA chains, then b + acc and max as in reluTile, so the same bits.
     */
    private static void tile6x4pRelu(int kc, float[] a, int a0, int rowA, float[] b, int bOff,
                                     float[] c, int c0, int ldc, float[] bias, int biasOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA, a4 = a3 + rowA, a5 = a4 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * 2 * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        FloatVector b0 = FloatVector.fromArray(S, bias, biasOff);
        FloatVector b1 = FloatVector.fromArray(S, bias, biasOff + L);
        FloatVector b2 = FloatVector.fromArray(S, bias, biasOff + 2 * L);
        FloatVector b3 = FloatVector.fromArray(S, bias, biasOff + 3 * L);
        b0.add(c00).max(0f).intoArray(c, c0);
        b1.add(c01).max(0f).intoArray(c, c0 + L);
        b2.add(c02).max(0f).intoArray(c, c0 + 2 * L);
        b3.add(c03).max(0f).intoArray(c, c0 + 3 * L);
        b0.add(c10).max(0f).intoArray(c, c0 + ldc);
        b1.add(c11).max(0f).intoArray(c, c0 + ldc + L);
        b2.add(c12).max(0f).intoArray(c, c0 + ldc + 2 * L);
        b3.add(c13).max(0f).intoArray(c, c0 + ldc + 3 * L);
        b0.add(c20).max(0f).intoArray(c, c0 + 2 * ldc);
        b1.add(c21).max(0f).intoArray(c, c0 + 2 * ldc + L);
        b2.add(c22).max(0f).intoArray(c, c0 + 2 * ldc + 2 * L);
        b3.add(c23).max(0f).intoArray(c, c0 + 2 * ldc + 3 * L);
        b0.add(c30).max(0f).intoArray(c, c0 + 3 * ldc);
        b1.add(c31).max(0f).intoArray(c, c0 + 3 * ldc + L);
        b2.add(c32).max(0f).intoArray(c, c0 + 3 * ldc + 2 * L);
        b3.add(c33).max(0f).intoArray(c, c0 + 3 * ldc + 3 * L);
        b0.add(c40).max(0f).intoArray(c, c0 + 4 * ldc);
        b1.add(c41).max(0f).intoArray(c, c0 + 4 * ldc + L);
        b2.add(c42).max(0f).intoArray(c, c0 + 4 * ldc + 2 * L);
        b3.add(c43).max(0f).intoArray(c, c0 + 4 * ldc + 3 * L);
        b0.add(c50).max(0f).intoArray(c, c0 + 5 * ldc);
        b1.add(c51).max(0f).intoArray(c, c0 + 5 * ldc + L);
        b2.add(c52).max(0f).intoArray(c, c0 + 5 * ldc + 2 * L);
        b3.add(c53).max(0f).intoArray(c, c0 + 5 * ldc + 3 * L);
    }

    /**
     * Six rows × four vectors over copied rows of op(A), B in place or packed: 24 accumulators, 24 FMAs per 4 loads
     * of B and 6 broadcasts, where {@link #tile8x2r} does 16 per 2 and 8 (OpenBLAS's small-matrix kernel for AVX-512
     * is four vectors wide too, over four rows). C2 checks the bounds of B's loads at every step of p (its stride is
     * a variable) but merges the four into two: about 17 integer instructions per 24 FMAs, where tile8x2r has 17 per
     * 16 (hsdis, JDK 17). Alone on data in cache, one JVM, JDK 17 / 25: 1.11–1.16 / 1.05–1.28 of tile8x2r and
     * tile8x2rp's rate. Leaves the raw sums for {@link #epilogue}.
     */
    private static void tile6x4r(int kc, float[] ap, int a0, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        // B's index stepped, not recomputed as bOff + p·ldb: with the product, JDK 25's C2 kept bOff and ldb on the
        // stack, two reloads, two stores and a multiply from memory at every step of p; stepped, one reload and one
        // store remain (hsdis). One-JVM A/B (two runs, JDK 25):
        // 64×128×784 1.15–1.17, relu(X·B + b) 64×128×64 1.11–1.13, relu(X·Wᵀ + b) 64×128×64 1.11; JDK 17
        // 0.95–1.03. The same change in the eight-row tiles measured 0.94–1.05.
        int bp = bOff;
        for (int p = 0; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            int q = a0 + p;
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, ap[q + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
            x = FloatVector.broadcast(S, ap[q + 5 * A_STRIDE]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            c53 = x.fma(b3, c53);
        }
        // Raw sums, as in tile8x2; the scratch tile's rows are 2·NR floats apart.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c42.intoArray(out, o + 4 * ldo + 2 * L);
        c43.intoArray(out, o + 4 * ldo + 3 * L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c52.intoArray(out, o + 5 * ldo + 2 * L);
        c53.intoArray(out, o + 5 * ldo + 3 * L);
    }


    /** {@link #tile6x4r} with five rows: the same FMA chain per element, so the same bits. */
    private static void tile5x4r(int kc, float[] ap, int a0, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        int bp = bOff;
        for (int p = 0; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            int q = a0 + p;
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, ap[q + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            c43 = x.fma(b3, c43);
        }
        // Raw sums, as in tile8x2; the scratch tile's rows are 2·NR floats apart.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c02.intoArray(out, o + 2 * L);
        c03.intoArray(out, o + 3 * L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c12.intoArray(out, o + ldo + 2 * L);
        c13.intoArray(out, o + ldo + 3 * L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c22.intoArray(out, o + 2 * ldo + 2 * L);
        c23.intoArray(out, o + 2 * ldo + 3 * L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c32.intoArray(out, o + 3 * ldo + 2 * L);
        c33.intoArray(out, o + 3 * ldo + 3 * L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c42.intoArray(out, o + 4 * ldo + 2 * L);
        c43.intoArray(out, o + 4 * ldo + 3 * L);
    }


    /**
     * {@link #tile8x2r} over a packed panel (B's stride NR), two steps of p per pass of the loop. With every stride a
     * constant, the unrolled body shares its index arithmetic between the two steps (tile8x2r keeps about 14 integer
     * instructions per 16 FMAs). One-JVM A/B against tile8x2r on Intel AVX-512 (three runs, 7–11 rounds, JDK 17 /
     * 25): 512³–2048³ 0.96–1.12 (median 1.04), relu(X·B + b) 256×784×128 1.07–1.09 / 1.08–1.10, relu(X·Wᵀ + b)
     * 10000×784×128 1.05 / 1.07. Unrolling tile8x2r itself, with B's stride a variable, measured 0.90–0.95 on
     * JDK 25. Each accumulator's FMAs in the same order, so the same bits; an odd kc goes to tile8x2r, which gives
     * them too, rather than a third copy of the body for the last step here.
     */
    private static void tile8x2rp(int kc, float[] ap, int a0, float[] b, int bOff,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p += 2) {
            int bp = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int q = a0 + p;
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[q + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[q + 5 * A_STRIDE]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[q + 6 * A_STRIDE]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[q + 7 * A_STRIDE]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            bp += NR;
            b0 = FloatVector.fromArray(S, b, bp);
            b1 = FloatVector.fromArray(S, b, bp + L);
            q++;
            x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[q + 4 * A_STRIDE]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[q + 5 * A_STRIDE]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[q + 6 * A_STRIDE]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[q + 7 * A_STRIDE]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // Raw sums, as in tile8x2.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c60.intoArray(out, o + 6 * ldo);
        c61.intoArray(out, o + 6 * ldo + L);
        c70.intoArray(out, o + 7 * ldo);
        c71.intoArray(out, o + 7 * ldo + L);
    }

    /**
     * {@link #tile8x2} for op(A) = Aᵀ read in place: at each p the tile's eight values of op(A) are eight consecutive
     * floats of A's row p, so the broadcasts share one index with constant displacements, where tile8x2 keeps eight
     * row indices and multiplies each by p. Same FMA chain per element, so the same bits.
     */
    private static void tile8x2t(int kc, float[] a, int a0, int lda, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int q = a0 + p * lda;
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[q + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[q + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[q + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[q + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[q + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[q + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[q + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // Raw sums, as in tile8x2.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        c00.intoArray(out, o);
        c01.intoArray(out, o + L);
        c10.intoArray(out, o + ldo);
        c11.intoArray(out, o + ldo + L);
        c20.intoArray(out, o + 2 * ldo);
        c21.intoArray(out, o + 2 * ldo + L);
        c30.intoArray(out, o + 3 * ldo);
        c31.intoArray(out, o + 3 * ldo + L);
        c40.intoArray(out, o + 4 * ldo);
        c41.intoArray(out, o + 4 * ldo + L);
        c50.intoArray(out, o + 5 * ldo);
        c51.intoArray(out, o + 5 * ldo + L);
        c60.intoArray(out, o + 6 * ldo);
        c61.intoArray(out, o + 6 * ldo + L);
        c70.intoArray(out, o + 7 * ldo);
        c71.intoArray(out, o + 7 * ldo + L);
    }

    /**
     * Where copying op(A)'s rows saves more than it costs: the eight-row tiles and {@link #wideTiles} (AVX-512, both
     * read the copy with one index), 0 < k within A_STRIDE (with k = 0 or alpha = 0, A is not read: its rows need
     * not even exist, lda = 1 for m rows of nothing), and each row used by four panels of B, or by two when A is
     * small enough to stay in L2 beside its copy (64 Ki floats) or has at most IN_PLACE_MAX_M rows. The last since
     * the six-row tiles (which need the copy) run over two panels: one-JVM A/B against not copying there, two to
     * four runs, JDK 17 / 25: the Cᵀ = W·Xᵀ of relu(X·Wᵀ + b) 64×784×128 1.04–1.28 / 0.97–1.21 and 96×784×128
     * 1.09 / 0.96–1.11, relu(X·B + b) 100×784×64 1.09–1.34 / 1.07–1.28, 128×1000×96 1.24–1.27 / 1.03–1.09. With
     * more rows it lost or did not gain (512×512×64 0.86 / 0.90, 1000×1000×96 0.90 / 0.76, the 256-row Cᵀ of
     * relu(X·Wᵀ + b) 64×784×256 0.95–1.11 / 0.92–1.00). Before the six-row tiles, one-JVM A/B on Intel AVX-512
     * (GFLOP/s ratio to reading A in place, JDK 17 / 25): relu(X·B + b) 64×784×128
     * (four panels) 1.06 / 1.07, relu(X·Wᵀ + b) 64×128×64 (two, A of 8 Ki floats) 1.08 / 1.04; the Cᵀ = W·Xᵀ of
     * relu(X·Wᵀ + b) 64×784×256 (two panels, 200 Ki floats of W) 1.00 / 0.90.
     *
     * <p>op(A) = Aᵀ is read in place by {@link #tile8x2t} instead (its gather transpose took a quarter of Aᵀ·B
     * 784×1000×128), unless A's rows are a multiple of 1 KiB apart, where every row p of a tile falls on the same
     * few cache sets (Aᵀ·B 1024³ in place ran at 0.45 / 0.41 of the copy), or unless A's band is re-read from
     * beyond L2 by several groups of B's panels (Aᵀ·B 1000×784×1000 in place: 0.72 / 0.67). One-JVM A/B on Intel
     * AVX-512 against the copy, Aᵀ·B (JDK 17 / 25): 784×1000×128 1.42 / 1.26–1.44, 784×64×128 1.12–1.15 /
     * 1.12, 400³ 1.14 / 1.11, 128×1000×64 1.62 / 1.65 (against VectorGemmBlocked), the rest 0.94–1.09.
     *
     * <p>With 16 vector registers: wherever B's panels are packed and A's rows lie along p, for {@link #tile4x2r}
     * (figures there); not for B read in place, where no tile reads the copy.
     */
    private static boolean copiesRowsOfA(int colA, int m, int full, int kc) {
        if (L < 16) {
            return colA == 1 && m >= MR && full >= NR && kc > 0 && kc <= A_STRIDE - 16;
        }
        boolean inPlace = colA != 1 && colA % 256 != 0
                && ((long) kc * full <= UNBLOCKED_MAX_KN || (long) kc * colA <= IN_PLACE_MAX_KN);
        return L >= 16 && !inPlace && m >= 2 * MR && kc > 0 && kc <= A_STRIDE - 16
                && (full >= 4 * NR || full >= 2 * NR && ((long) m * kc <= 64 * 1024 || m <= IN_PLACE_MAX_M));
    }

    /** {@code ap[i·A_STRIDE + p] = op(A)[i][p]} for i < rows, p < kc. */
    private static void copyRows(float[] a, int a0, int rowA, int colA, int rows, int kc, float[] ap) {
        copyRows(a, a0, rowA, colA, rows, kc, ap, 0);
    }

    /** {@code ap[ap0 + i·A_STRIDE + p] = op(A)[i][p]} for i < rows, p < kc. */
    private static void copyRows(float[] a, int a0, int rowA, int colA, int rows, int kc, float[] ap, int ap0) {
        if (colA == 1) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(a, a0 + i * rowA, ap, ap0 + i * A_STRIDE, kc);
            }
        } else {
            // op(A) = Aᵀ (rowA = 1): row i of op(A) is column i of A.
            transpose(a, a0, colA, kc, rows, ap, ap0, A_STRIDE);
        }
    }

    /**
     * Four rows × two vectors: the tile of 16-register machines (8 accumulators + 2 B vectors + 1 broadcast).
     * Over a packed panel it hands over to {@link #tile4x2p}. Leaves the raw sums for {@link #epilogue}.
     */
    private static void tile4x2(int kc, float[] a, int a0, int rowA, int colA, float[] b, int bOff, int ldb,
                                float beta, float[] c, int c0, int ldc) {
        if (colA == 1 && ldb == NR) {
            tile4x2p(kc, a, a0, rowA, b, bOff, beta, c, c0, ldc);
            return;
        }
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int ap = p * colA;
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile, for epilogue(). No
        // vector crosses a call: passed to one that C2 leaves out of line, it is boxed.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + ldo);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + ldo + L);
        ZERO.blend(c20, EVERY_LANE).intoArray(out, o + 2 * ldo);
        ZERO.blend(c21, EVERY_LANE).intoArray(out, o + 2 * ldo + L);
        ZERO.blend(c30, EVERY_LANE).intoArray(out, o + 3 * ldo);
        ZERO.blend(c31, EVERY_LANE).intoArray(out, o + 3 * ldo + L);
    }

    /** Whether {@link #tile4x2at128} runs for op(A) and B at these strides: with 16 vector registers only. */
    private static boolean runsTile4x2at128(int rowA, int colA, int ldb) {
        return L < 16 && colA == 1 && rowA == SIX_LDA && ldb == 4 * NR;
    }

    /**
     * {@link #tile4x2} for the tutorial's 64-wide hidden layer as X·B on 16 registers, B read in place: X
     * {@link #SIX_LDA} floats wide and B 4·NR = 64, both strides constants, so that the four rows of X are one index
     * plus displacements and B's row one multiple of it. C2 compiles tile4x2's loop, with the strides variables, to 35
     * instructions per 8 FMAs on JDK 17, and this one to 22 (disassembled). One-JVM A/B against tile4x2, Zen 3, two
     * JVMs, JDK 17: relu(X·B + b) 64×128×64 1.31–1.44, 128×128×64 1.36–1.48, 16×128×64 1.39–1.42, X·B + b 64×128×64
     * 1.35–1.37 (64×128×128, another stride of B, 0.93–1.00); one JVM, JDK 17 / 25: 4, 8 and 12 rows 1.39–1.45 /
     * 1.28–1.30. On JDK 25, which otherwise packs B from PANEL_MIN_M rows on (PACK_ALWAYS), B stays in place for this
     * tile: against packed panels and copied rows, two JVMs, relu(X·B + b) 64×128×64 1.03–1.08, 128×128×64 0.96–1.21,
     * 32×128×64 1.10–1.18, X·B + b 64×128×64 1.06–1.09. The same FMA chain per element as tile4x2 and the packed
     * tiles; raw sums for epilogue.
     */
    private static void tile4x2at128(int kc, float[] a, int a0, float[] b, int bOff, float beta, float[] c, int c0,
                                     int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int shift = bOff - 4 * NR * a0;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + 4 * NR * q;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[q + SIX_LDA]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[q + 2 * SIX_LDA]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[q + 3 * SIX_LDA]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + ldo);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + ldo + L);
        ZERO.blend(c20, EVERY_LANE).intoArray(out, o + 2 * ldo);
        ZERO.blend(c21, EVERY_LANE).intoArray(out, o + 2 * ldo + L);
        ZERO.blend(c30, EVERY_LANE).intoArray(out, o + 3 * ldo);
        ZERO.blend(c31, EVERY_LANE).intoArray(out, o + 3 * ldo + L);
    }

    /**
     * Four rows × two vectors of the narrow tiles (n mod NR above one vector: the tutorial's 10 classes with 256-bit
     * vectors) over X {@link #NARROW_LDA} floats wide, the stride a constant so that the four rows are one index plus
     * displacements, as in {@link #narrow8x1Bias64}; raw sums into the tile, one row of NR floats per row. The general
     * {@link #tile4x2p} keeps the stride a variable: 31 instructions per 8 FMAs on JDK 17 and 26 on JDK 25 (its loop,
     * disassembled) against 23 and 21 here. One-JVM A/B against it, Zen 3, two JVMs, JDK 17 / 25: relu(X·B + b)
     * 64×64×10 1.23–1.29 / 1.06–1.10, 256×64×10 1.21–1.28 / 1.02–1.14; relu(X·Wᵀ + b) 64×64×10 1.24–1.29 / 1.05–1.07,
     * 100×64×10 1.17–1.26 / 1.10–1.11. The same FMA chain per element as tile4x2p.
     */
    private static void narrow4x2at64(int kc, float[] a, int a0, float[] wt, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int shift = -NR * a0;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + NR * q;
            FloatVector b0 = FloatVector.fromArray(S, wt, bp);
            FloatVector b1 = FloatVector.fromArray(S, wt, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[q + NARROW_LDA]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[q + 2 * NARROW_LDA]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[q + 3 * NARROW_LDA]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        ZERO.blend(c00, EVERY_LANE).intoArray(tile, 0);
        ZERO.blend(c01, EVERY_LANE).intoArray(tile, L);
        ZERO.blend(c10, EVERY_LANE).intoArray(tile, NR);
        ZERO.blend(c11, EVERY_LANE).intoArray(tile, NR + L);
        ZERO.blend(c20, EVERY_LANE).intoArray(tile, 2 * NR);
        ZERO.blend(c21, EVERY_LANE).intoArray(tile, 2 * NR + L);
        ZERO.blend(c30, EVERY_LANE).intoArray(tile, 3 * NR);
        ZERO.blend(c31, EVERY_LANE).intoArray(tile, 3 * NR + L);
    }

    /**
     * {@link #tile4x2} over a packed panel (B's stride NR, A's rows contiguous). Every index is then p times a
     * constant plus an invariant, so C2 drops the bounds checks from the loop; with the strides as variables it
     * keeps a check and an address computation per load, 38 instructions per 8 FMAs. On AVX2 (-XX:UseAVX=2 here,
     * JMH, three forks) 1024³ went from 62.7 to 74.4 GFLOP/s on JDK 17 and from 64.6 to 79.7 on JDK 25. Its own
     * method so that C2 allocates registers for this loop alone. The same FMA chain per element as tile4x2.
     */
    private static void tile4x2p(int kc, float[] a, int a0, int rowA, float[] b, int bOff,
                                 float beta, float[] c, int c0, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile, for epilogue(). No
        // vector crosses a call: passed to one that C2 leaves out of line, it is boxed.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + ldo);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + ldo + L);
        ZERO.blend(c20, EVERY_LANE).intoArray(out, o + 2 * ldo);
        ZERO.blend(c21, EVERY_LANE).intoArray(out, o + 2 * ldo + L);
        ZERO.blend(c30, EVERY_LANE).intoArray(out, o + 3 * ldo);
        ZERO.blend(c31, EVERY_LANE).intoArray(out, o + 3 * ldo + L);
    }

    /**
     * {@link #tile4x2p} for relu(X·B + b) with beta = 0 and alpha = 1: the bias and relu on the registers, C = that.
     * A method of its own, so that C2 parses one epilogue per compile (both took tile4x2p past its node budget).
     */
    private static void tile4x2pRelu(int kc, float[] a, int a0, int rowA, float[] b, int bOff,
                                     float[] c, int c0, int ldc, float[] bias, int biasOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // relu(b + acc) on the registers, C = that; b + acc rather than acc + b: the same sum, called on a vector
        // that is not loop-carried (see ZERO). With 8 accumulators this stays within C2's budgets (its compilation
        // log shows no delayed inlining and no profiled receiver here), and it saves reluTile's reload: on AVX2
        // (/tmp harness, medians of 3) relu(X·B + b) 64×128×64 ran at 90.6 GFLOP/s against 86.2 on JDK 25 and
        // relu(X·Wᵀ + b) 64×128×64 at 65.2 against 59.0 on JDK 17.
        FloatVector b0 = FloatVector.fromArray(S, bias, biasOff);
        FloatVector b1 = FloatVector.fromArray(S, bias, biasOff + L);
        b0.add(c00).max(0f).intoArray(c, c0);
        b1.add(c01).max(0f).intoArray(c, c0 + L);
        b0.add(c10).max(0f).intoArray(c, c0 + ldc);
        b1.add(c11).max(0f).intoArray(c, c0 + ldc + L);
        b0.add(c20).max(0f).intoArray(c, c0 + 2 * ldc);
        b1.add(c21).max(0f).intoArray(c, c0 + 2 * ldc + L);
        b0.add(c30).max(0f).intoArray(c, c0 + 3 * ldc);
        b1.add(c31).max(0f).intoArray(c, c0 + 3 * ldc + L);
    }

    /**
     * {@link #tile4x2p} over op(A)'s rows copied {@link #A_STRIDE} apart, the four-row tile of 16-register machines
     * over packed panels: the loop runs over row 0's index q, the other rows a constant away and B's row derived from
     * q, so that every load's address is one index register plus a constant, without bounds checks. C2 compiles the
     * loop to 22–24 instructions per 8 FMAs on JDK 17 and 21 on JDK 25, against 31 and 25 for tile4x2pRelu over the
     * rows in place (four row offsets, each added by one or two instructions, and B's index recomputed). On a real AVX2
     * core (AMD EPYC Zen 3, family 25 model 1, a shared VM) issuing at most about six instructions a cycle, fewer while
     * whatever shares it runs, the count sets the pace: one-JVM A/B against the rows in place, the copy included, two
     * JVMs, JDK 17 / 25: relu(X·B + b) 64×784×128 1.32–1.35 / 1.28–1.30, 64×784×256 1.29–1.34 / 1.18–1.28, 128×784×128
     * 1.29–1.40 / 1.13–1.15; X·B + b 64×784×128 1.10–1.17 / 1.06–1.08; 1024³ 1.27–1.32 / 1.19, 2048³ 1.38–1.44 /
     * 1.24–1.40, C = A·B 512³ 1.23–1.29 / 1.08–1.11; relu(X·Wᵀ + b), whose Cᵀ copies W's rows, 64×784×128 1.09–1.11 /
     * 0.99, 64×784×256 1.08–1.09 / 0.93–1.02. The same FMA chain per element as tile4x2p.
     */
    private static void tile4x2r(int kc, float[] ap, int a0, float[] b, int bOff, float beta, float[] c, int c0,
                                 int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int shift = bOff - NR * a0;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + NR * q;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : NR;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + ldo);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + ldo + L);
        ZERO.blend(c20, EVERY_LANE).intoArray(out, o + 2 * ldo);
        ZERO.blend(c21, EVERY_LANE).intoArray(out, o + 2 * ldo + L);
        ZERO.blend(c30, EVERY_LANE).intoArray(out, o + 3 * ldo);
        ZERO.blend(c31, EVERY_LANE).intoArray(out, o + 3 * ldo + L);
    }

    /** {@link #tile4x2r} for relu(X·B + b) with beta = 0 and alpha = 1, as {@link #tile4x2pRelu} is for tile4x2p. */
    private static void tile4x2rRelu(int kc, float[] ap, int a0, float[] b, int bOff, float[] c, int c0, int ldc,
                                     float[] bias, int biasOff) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int shift = bOff - NR * a0;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + NR * q;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, ap[q]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[q + A_STRIDE]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[q + 2 * A_STRIDE]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[q + 3 * A_STRIDE]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        FloatVector b0 = FloatVector.fromArray(S, bias, biasOff);
        FloatVector b1 = FloatVector.fromArray(S, bias, biasOff + L);
        b0.add(c00).max(0f).intoArray(c, c0);
        b1.add(c01).max(0f).intoArray(c, c0 + L);
        b0.add(c10).max(0f).intoArray(c, c0 + ldc);
        b1.add(c11).max(0f).intoArray(c, c0 + ldc + L);
        b0.add(c20).max(0f).intoArray(c, c0 + 2 * ldc);
        b1.add(c21).max(0f).intoArray(c, c0 + 2 * ldc + L);
        b0.add(c30).max(0f).intoArray(c, c0 + 3 * ldc);
        b1.add(c31).max(0f).intoArray(c, c0 + 3 * ldc + L);
    }

    /**
     * C = act(alpha·sums + beta·C + bias) over a tile of {@code rows} × {@code width} whose raw sums a tile kernel
     * has just stored: into C when beta = 0, else into TILE (rows {@code width} apart). Here, not at the end of the
     * kernels: C2 on JDK 17 compiles a method with at most 18,000 nodes from its inlined calls before it delays the
     * rest, and past its class-check trap budget (see reluTile) a delayed call on a vector gets no exact type, its
     * intrinsics fail and its vectors box. tile8x2 with its epilogue inlined was at that edge; the kernels now hold
     * the loop and the stores only.
     */
    private static void epilogue(int rows, int width, float alpha, float beta, float[] c, int c0, int ldc,
                                 float[] bias, int biasOff, Activation act) {
        if (beta != 0f) {
            finish(TILE.get(), 0, width, rows, width, alpha, beta, c, c0, ldc, bias, biasOff, act);
        } else if (alpha == 1f && bias != null && act == Activation.RELU) {
            reluTile(c, c0, ldc, rows, width, bias, biasOff);
        } else {
            finish(c, c0, ldc, rows, width, alpha, beta, c, c0, ldc, bias, biasOff, act);
        }
    }

    /**
     * relu(C + b) over {@code rows} × {@code width} of C just stored raw (width a multiple of L), while it is still
     * in L1: finish()'s relu case, and the tiles' (see epilogue). For the tiles, not on their registers before the
     * store: on JDK 17 that doubled the lanewise operations in a tile's compiled code, and C2 adds the trap count of
     * the JDK's {@code ImplCache.find} (typically 3 or 4 class-check traps, from whatever ran before) once per
     * operation it inlines; past 100 it stops guarding receiver types with traps, the vectors lose their exact
     * type, and the intrinsics that need it fail. The tile then boxed every vector (12 to 37 KB per training step
     * of the MLP, in about half of fresh JVMs) and ran at half speed for the rest of the run. Here every receiver
     * comes from a load, and the loop inlines two operations, not two per accumulator.
     */
    private static void reluTile(float[] c, int c0, int ldc, int rows, int width, float[] bias, int biasOff) {
        for (int r = 0; r < rows; r++) {
            int cr = c0 + r * ldc;
            for (int j = 0; j < width; j += L) {
                FloatVector.fromArray(S, c, cr + j).add(FloatVector.fromArray(S, bias, biasOff + j)).max(0f)
                        .intoArray(c, cr + j);
            }
        }
    }

    /**
     * One row × eight vectors, a single sample through a layer of 4·NR full columns (128 on AVX-512): B read in one
     * pass, each row as one run, where {@link #tile1x4} and {@link #tile1x8h} take two passes of half rows. On Zen 4
     * (EPYC, family 25 model 17), relu(X·B + b) 1×784×128, B streamed from L2 (median of 15 batches): the tile alone
     * 3.5–3.6 µs on both JDKs, against 5.0–5.6 µs for the whole product through two one-row tiles; one-JVM A/B, two
     * JVMs, JDK 17 / 25: 1×784×128 1.06–1.21 / 1.16–1.20, 1×300×128 1.08–1.09 / 1.23–1.26. Over wider B in passes of
     * 4·NR it lost there (1×784×256 0.92–0.93 / 0.98–1.04), so with 512-bit vectors only where one pass covers B.
     * With narrower ones (4·NR is 64 columns on AVX2) in passes over any width: on Zen 3 (family 25 model 1), where
     * tile1x4 keeps four FMA chains (16–24 GFLOP/s on 1×784×128), one-JVM A/B against it (tile1x8h on JDK 25), two
     * JVMs, JDK 17 / 25: 1×784×128 1.11–1.24 / 1.19–1.20, 1×784×256 1.21–1.35 / 1.27–1.33, 1×300×128 1.16–1.21 /
     * 1.19–1.22. On JDK 17 below 512-bit vectors {@link #tile1x16} takes the row first, in passes of 8·NR columns,
     * and this tile what is left. Same FMA chain per element as every tile.
     */
    private static void tile1x8(int kc, float alpha, float[] a, int a0, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int c0,
                                float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c04 = FloatVector.zero(S), c05 = FloatVector.zero(S);
        FloatVector c06 = FloatVector.zero(S), c07 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * colA]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), c02);
            c03 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), c03);
            c04 = x.fma(FloatVector.fromArray(S, b, bp + 4 * L), c04);
            c05 = x.fma(FloatVector.fromArray(S, b, bp + 5 * L), c05);
            c06 = x.fma(FloatVector.fromArray(S, b, bp + 6 * L), c06);
            c07 = x.fma(FloatVector.fromArray(S, b, bp + 7 * L), c07);
        }
        // As in tile1x4: raw sums into C (beta = 0) or the scratch tile, then finish().
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c02, EVERY_LANE).intoArray(out, o + 2 * L);
        ZERO.blend(c03, EVERY_LANE).intoArray(out, o + 3 * L);
        ZERO.blend(c04, EVERY_LANE).intoArray(out, o + 4 * L);
        ZERO.blend(c05, EVERY_LANE).intoArray(out, o + 5 * L);
        ZERO.blend(c06, EVERY_LANE).intoArray(out, o + 6 * L);
        ZERO.blend(c07, EVERY_LANE).intoArray(out, o + 7 * L);
        finish(out, o, 0, 1, 4 * NR, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    /**
     * {@link #tile1x16} with beta = 0 and its last three sums kept in C (from +0), each read, added to and written
     * back at every step: thirteen sums, the broadcast and a temporary fit the 16 registers. C2 kept two or three of
     * tile1x16's sums on the stack, and on JDK 25 that tile fell into a slow state in some runs (see ONE_PASS_ROW);
     * this one has no vector on the stack (38 instructions per 16 FMAs, disassembled) and did not fall
     * ({@link #ROW_IN_C}). Same FMA chain per element as every tile, the sums in C included.
     */
    private static void tile1x16c(int kc, float alpha, float[] a, int a0, float[] b, int bOff, int ldb,
                                  float[] c, int c0, float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c04 = FloatVector.zero(S), c05 = FloatVector.zero(S);
        FloatVector c06 = FloatVector.zero(S), c07 = FloatVector.zero(S);
        FloatVector c08 = FloatVector.zero(S), c09 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        Arrays.fill(c, c0 + 13 * L, c0 + 16 * L, 0f);
        int shift = bOff - a0 * ldb;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + q * ldb;
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), c02);
            c03 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), c03);
            c04 = x.fma(FloatVector.fromArray(S, b, bp + 4 * L), c04);
            c05 = x.fma(FloatVector.fromArray(S, b, bp + 5 * L), c05);
            c06 = x.fma(FloatVector.fromArray(S, b, bp + 6 * L), c06);
            c07 = x.fma(FloatVector.fromArray(S, b, bp + 7 * L), c07);
            c08 = x.fma(FloatVector.fromArray(S, b, bp + 8 * L), c08);
            c09 = x.fma(FloatVector.fromArray(S, b, bp + 9 * L), c09);
            c10 = x.fma(FloatVector.fromArray(S, b, bp + 10 * L), c10);
            c11 = x.fma(FloatVector.fromArray(S, b, bp + 11 * L), c11);
            c12 = x.fma(FloatVector.fromArray(S, b, bp + 12 * L), c12);
            x.fma(FloatVector.fromArray(S, b, bp + 13 * L), FloatVector.fromArray(S, c, c0 + 13 * L))
                    .intoArray(c, c0 + 13 * L);
            x.fma(FloatVector.fromArray(S, b, bp + 14 * L), FloatVector.fromArray(S, c, c0 + 14 * L))
                    .intoArray(c, c0 + 14 * L);
            x.fma(FloatVector.fromArray(S, b, bp + 15 * L), FloatVector.fromArray(S, c, c0 + 15 * L))
                    .intoArray(c, c0 + 15 * L);
        }
        ZERO.blend(c00, EVERY_LANE).intoArray(c, c0);
        ZERO.blend(c01, EVERY_LANE).intoArray(c, c0 + L);
        ZERO.blend(c02, EVERY_LANE).intoArray(c, c0 + 2 * L);
        ZERO.blend(c03, EVERY_LANE).intoArray(c, c0 + 3 * L);
        ZERO.blend(c04, EVERY_LANE).intoArray(c, c0 + 4 * L);
        ZERO.blend(c05, EVERY_LANE).intoArray(c, c0 + 5 * L);
        ZERO.blend(c06, EVERY_LANE).intoArray(c, c0 + 6 * L);
        ZERO.blend(c07, EVERY_LANE).intoArray(c, c0 + 7 * L);
        ZERO.blend(c08, EVERY_LANE).intoArray(c, c0 + 8 * L);
        ZERO.blend(c09, EVERY_LANE).intoArray(c, c0 + 9 * L);
        ZERO.blend(c10, EVERY_LANE).intoArray(c, c0 + 10 * L);
        ZERO.blend(c11, EVERY_LANE).intoArray(c, c0 + 11 * L);
        ZERO.blend(c12, EVERY_LANE).intoArray(c, c0 + 12 * L);
        finish(c, c0, 0, 1, 8 * NR, alpha, 0f, c, c0, 0, bias, biasOff, act);
    }

    /**
     * One row × sixteen vectors (8·NR columns, 128 with 256-bit vectors): a single sample through a layer, each row of
     * B read in one pass, where {@link #tile1x8} reads each row in two halves of 4·NR. Below 512-bit vectors the
     * product is a stream of B from L2 (401 KB for the tutorial's 784 → 128 layer, 0.2 MFLOP), and a run of whole
     * rows streams faster than two passes of half rows: on Zen 3 (family 25 model 1), the row alone over a 784 × 128
     * B, 23–41 against 16–33 GFLOP/s at every offset of B tried (a /tmp loop, JDK 17 and 25; 96 + 32 columns, or 112
     * + 16, in between). C2 keeps 13 or 14 of the sixteen accumulators in registers and the rest on the stack (35
     * instructions per 16 FMAs, disassembled); the loop waits on L2, not on them. JDK 17 only ({@link
     * #ONE_PASS_ROW}). Same FMA chain per element as every tile.
     */
    private static void tile1x16(int kc, float alpha, float[] a, int a0, float[] b, int bOff, int ldb, float beta,
                                 float[] c, int c0, float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c04 = FloatVector.zero(S), c05 = FloatVector.zero(S);
        FloatVector c06 = FloatVector.zero(S), c07 = FloatVector.zero(S);
        FloatVector c08 = FloatVector.zero(S), c09 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c14 = FloatVector.zero(S), c15 = FloatVector.zero(S);
        int shift = bOff - a0 * ldb;
        for (int q = a0, end = a0 + kc; q < end; q++) {
            int bp = shift + q * ldb;
            FloatVector x = FloatVector.broadcast(S, a[q]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), c02);
            c03 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), c03);
            c04 = x.fma(FloatVector.fromArray(S, b, bp + 4 * L), c04);
            c05 = x.fma(FloatVector.fromArray(S, b, bp + 5 * L), c05);
            c06 = x.fma(FloatVector.fromArray(S, b, bp + 6 * L), c06);
            c07 = x.fma(FloatVector.fromArray(S, b, bp + 7 * L), c07);
            c08 = x.fma(FloatVector.fromArray(S, b, bp + 8 * L), c08);
            c09 = x.fma(FloatVector.fromArray(S, b, bp + 9 * L), c09);
            c10 = x.fma(FloatVector.fromArray(S, b, bp + 10 * L), c10);
            c11 = x.fma(FloatVector.fromArray(S, b, bp + 11 * L), c11);
            c12 = x.fma(FloatVector.fromArray(S, b, bp + 12 * L), c12);
            c13 = x.fma(FloatVector.fromArray(S, b, bp + 13 * L), c13);
            c14 = x.fma(FloatVector.fromArray(S, b, bp + 14 * L), c14);
            c15 = x.fma(FloatVector.fromArray(S, b, bp + 15 * L), c15);
        }
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c02, EVERY_LANE).intoArray(out, o + 2 * L);
        ZERO.blend(c03, EVERY_LANE).intoArray(out, o + 3 * L);
        ZERO.blend(c04, EVERY_LANE).intoArray(out, o + 4 * L);
        ZERO.blend(c05, EVERY_LANE).intoArray(out, o + 5 * L);
        ZERO.blend(c06, EVERY_LANE).intoArray(out, o + 6 * L);
        ZERO.blend(c07, EVERY_LANE).intoArray(out, o + 7 * L);
        ZERO.blend(c08, EVERY_LANE).intoArray(out, o + 8 * L);
        ZERO.blend(c09, EVERY_LANE).intoArray(out, o + 9 * L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + 10 * L);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + 11 * L);
        ZERO.blend(c12, EVERY_LANE).intoArray(out, o + 12 * L);
        ZERO.blend(c13, EVERY_LANE).intoArray(out, o + 13 * L);
        ZERO.blend(c14, EVERY_LANE).intoArray(out, o + 14 * L);
        ZERO.blend(c15, EVERY_LANE).intoArray(out, o + 15 * L);
        finish(out, o, 0, 1, 8 * NR, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    /**
     * One row × four vectors, for products of one to three rows (a single sample through a layer): four FMA chains
     * where the 1 × 2 tile has two, which left it waiting on FMA latency. Same FMA chain per element.
     */
    private static void tile1x4(int kc, float alpha, float[] a, int a0, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int c0,
                                float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * colA]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), c02);
            c03 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), c03);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile; finish() scales
        // and adds beta·C. No vector crosses a call: passed to one that C2 leaves out of line, it is boxed.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c02, EVERY_LANE).intoArray(out, o + 2 * L);
        ZERO.blend(c03, EVERY_LANE).intoArray(out, o + 3 * L);
        finish(out, o, 0, 1, 2 * NR, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    /**
     * Two or three rows × four vectors: a batch of two or three samples through a layer, each row of B loaded once
     * for all of them (row by row, B was streamed once per row: relu(X·B + b) 2×784×128, 3×784×128 and 3×128×64 ran
     * 1.7–2.6× faster this way in one-JVM A/B on Intel AVX-512, JDK 17 and 25). {@code rows} = 2 computes a third
     * row from row 1 again and leaves it in the scratch tile. Same FMA chain per element as tile1x4 and tile1x8h.
     */
    private static void tile3x4(int rows, int kc, float alpha, float[] a, int a0, int rowA, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int c0, int ldc,
                                float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        int a1 = a0 + rowA, a2 = rows > 2 ? a1 + rowA : a1;
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            int ap = p * colA;
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
        }
        // Raw sums into C (beta = 0) or the scratch tile, as in tile1x4; a third row that is not there goes to the
        // scratch tile's third row, which is read by no one.
        boolean direct = beta == 0f;
        float[] tile = TILE.get();
        float[] out = direct ? c : tile;
        int o = direct ? c0 : 0;
        int ldo = direct ? ldc : 2 * NR;
        float[] out2 = rows > 2 ? out : tile;
        int o2 = rows > 2 ? o + 2 * ldo : 2 * 2 * NR;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        ZERO.blend(c02, EVERY_LANE).intoArray(out, o + 2 * L);
        ZERO.blend(c03, EVERY_LANE).intoArray(out, o + 3 * L);
        ZERO.blend(c10, EVERY_LANE).intoArray(out, o + ldo);
        ZERO.blend(c11, EVERY_LANE).intoArray(out, o + ldo + L);
        ZERO.blend(c12, EVERY_LANE).intoArray(out, o + ldo + 2 * L);
        ZERO.blend(c13, EVERY_LANE).intoArray(out, o + ldo + 3 * L);
        ZERO.blend(c20, EVERY_LANE).intoArray(out2, o2);
        ZERO.blend(c21, EVERY_LANE).intoArray(out2, o2 + L);
        ZERO.blend(c22, EVERY_LANE).intoArray(out2, o2 + 2 * L);
        ZERO.blend(c23, EVERY_LANE).intoArray(out2, o2 + 3 * L);
        finish(out, o, ldo, rows, 2 * NR, alpha, beta, c, c0, ldc, bias, biasOff, act);
    }

    /**
     * {@link #tile1x4} in half vectors, on AVX-512 from JDK 25 on (see {@link #HALVES}). Each element is the same
     * FMA chain over p, so the same bits. A row of B streams from L2 here, and a 512-bit load that is not aligned to
     * 64 bytes (Java gives no alignment) reads two cache lines; a 256-bit one at most every other time.
     */
    private static void tile1x8h(int kc, float alpha, float[] a, int a0, int colA,
                                 float[] b, int bOff, int ldb, float beta, float[] c, int c0,
                                 float[] bias, int biasOff, Activation act) {
        FloatVector c0v = FloatVector.zero(H), c1v = FloatVector.zero(H), c2v = FloatVector.zero(H);
        FloatVector c3v = FloatVector.zero(H), c4v = FloatVector.zero(H), c5v = FloatVector.zero(H);
        FloatVector c6v = FloatVector.zero(H), c7v = FloatVector.zero(H);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector x = FloatVector.broadcast(H, a[a0 + p * colA]);
            c0v = x.fma(FloatVector.fromArray(H, b, bp), c0v);
            c1v = x.fma(FloatVector.fromArray(H, b, bp + LH), c1v);
            c2v = x.fma(FloatVector.fromArray(H, b, bp + 2 * LH), c2v);
            c3v = x.fma(FloatVector.fromArray(H, b, bp + 3 * LH), c3v);
            c4v = x.fma(FloatVector.fromArray(H, b, bp + 4 * LH), c4v);
            c5v = x.fma(FloatVector.fromArray(H, b, bp + 5 * LH), c5v);
            c6v = x.fma(FloatVector.fromArray(H, b, bp + 6 * LH), c6v);
            c7v = x.fma(FloatVector.fromArray(H, b, bp + 7 * LH), c7v);
        }
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        c0v.intoArray(out, o);
        c1v.intoArray(out, o + LH);
        c2v.intoArray(out, o + 2 * LH);
        c3v.intoArray(out, o + 3 * LH);
        c4v.intoArray(out, o + 4 * LH);
        c5v.intoArray(out, o + 5 * LH);
        c6v.intoArray(out, o + 6 * LH);
        c7v.intoArray(out, o + 7 * LH);
        finish(out, o, 0, 1, 2 * NR, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    private static void tile1x2(int kc, float alpha, float[] a, int a0, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int c0,
                                float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bp = bOff + p * ldb;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * colA]);
            c00 = x.fma(FloatVector.fromArray(S, b, bp), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bp + L), c01);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile; finish() scales
        // and adds beta·C. No vector crosses a call: passed to one that C2 leaves out of line, it is boxed.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        ZERO.blend(c01, EVERY_LANE).intoArray(out, o + L);
        finish(out, o, 0, 1, NR, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    private static void tile1x1(int kc, float alpha, float[] a, int a0, int colA,
                                float[] b, int bOff, int ldb, float beta, float[] c, int c0,
                                float[] bias, int biasOff, Activation act) {
        FloatVector c00 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            c00 = FloatVector.broadcast(S, a[a0 + p * colA]).fma(FloatVector.fromArray(S, b, bOff + p * ldb), c00);
        }
        // Raw sums: into C itself when C is not read (beta = 0), else into a scratch tile; finish() scales
        // and adds beta·C. No vector crosses a call: passed to one that C2 leaves out of line, it is boxed.
        boolean direct = beta == 0f;
        float[] out = direct ? c : TILE.get();
        int o = direct ? c0 : 0;
        ZERO.blend(c00, EVERY_LANE).intoArray(out, o);
        finish(out, o, 0, 1, L, alpha, beta, c, c0, 0, bias, biasOff, act);
    }

    /**
     * C = A·Bᵀ with both A and B read along their contiguous rows: every element of C is a dot product, taken
     * with lanewise FMAs over k and one lane reduction at the end. This is nn.Linear's layout (X·Wᵀ), and it
     * needs no packing, so it serves the small shapes of a network (batch 1: 38 against 2 GFLOP/s packed;
     * n = 10 classes: 15 against 2.6) and deep ones ({@link #DOT_MIN_K}). Tiles of 4 rows of A × 4 rows of B on AVX-512
     * ({@link #dot4x4}), else × 2 rows (8 accumulators, 4 + 2 loads per 8 FMAs). The bias and
     * activation are applied to each finished block of rows while it is in L1.
     */
    private static void dotProducts(int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                    float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc,
                                    float[] bias, int biasOff, Activation act) {
        if (k < L) {
            // Shallower than a vector (the kernels' last step reads the L floats before k): scalar chains along p.
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    finishDot(dotTail(a, aOff + i * lda, b, bOff + j * ldb, 0, k), alpha, beta, c,
                            cOff + i * ldc + j);
                }
                rowEpilogue(c, cOff + i * ldc, n, bias, biasOff, act);
            }
            return;
        }
        float[] lanes = LANES.get();
        int i = 0;
        for (; i + MR <= m; i += MR) {
            int a0 = aOff + i * lda;
            int c0 = cOff + i * ldc;
            int j = 0;
            if (L >= 16) {
                for (; j + 4 <= n; j += 4) {
                    dot4x4(k, a, a0, lda, b, bOff + j * ldb, ldb, alpha, beta, c, c0 + j, ldc, lanes);
                }
            }
            for (; j + 2 <= n; j += 2) {
                dot4x2(k, a, a0, lda, b, bOff + j * ldb, ldb, alpha, beta, c, c0 + j, ldc, lanes);
            }
            for (; j < n; j++) {
                for (int r = 0; r < MR; r++) {
                    finishDot(dot(k, a, a0 + r * lda, b, bOff + j * ldb, lanes), alpha, beta, c, c0 + r * ldc + j);
                }
            }
            for (int r = 0; r < MR; r++) {
                rowEpilogue(c, c0 + r * ldc, n, bias, biasOff, act);
            }
        }
        if (L >= 16 && m - i >= 2) {
            // Two or three rows left (a batch of two or three, or a product's last rows): W's rows read once for all
            // of them, with the same sums as every other dot kernel.
            int rows = m - i;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot3x4(rows, k, a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, alpha, beta, c, cOff + i * ldc + j, ldc,
                        lanes);
            }
            for (; j < n; j++) {
                for (int r = 0; r < rows; r++) {
                    finishDot(dot(k, a, aOff + (i + r) * lda, b, bOff + j * ldb, lanes), alpha, beta, c,
                            cOff + (i + r) * ldc + j);
                }
            }
            for (int r = 0; r < rows; r++) {
                rowEpilogue(c, cOff + (i + r) * ldc, n, bias, biasOff, act);
            }
            return;
        }
        for (; i < m; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            int j = 0;
            if (L >= 16) {
                for (; j + 8 <= n; j += 8) {
                    dot1x8(k, a, ai, b, bOff + j * ldb, ldb, alpha, beta, c, ci + j, lanes);
                }
            }
            for (; j + 4 <= n; j += 4) {
                dot1x4(k, a, ai, b, bOff + j * ldb, ldb, alpha, beta, c, ci + j, lanes);
            }
            for (; j < n; j++) {
                finishDot(dot(k, a, ai, b, bOff + j * ldb, lanes), alpha, beta, c, ci + j);
            }
            rowEpilogue(c, ci, n, bias, biasOff, act);
        }
    }

    /**
     * Four rows of A × four rows of B: 16 accumulators and 8 loads per 16 FMAs (4×2 needs 6 per 8). Only where
     * there are 32 vector registers (AVX-512): 21 live vectors. Measured on JDK 17, X·Wᵀ 64×784×128 and
     * 64×784×256: 5–12% and 17–22% faster than 4×2; on JDK 25 even and 0–15%. Same sums per element as every other
     * dot kernel here (an FMA chain per lane, then {@link #laneSums}), so the row and column tiling never changes
     * a result.
     */
    private static void dot4x4(int k, float[] a, int a0, int lda, float[] b, int b0, int ldb,
                               float alpha, float beta, float[] c, int c0, int ldc, float[] lanes) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S), s33 = FloatVector.zero(S);
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        int b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector w0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector w1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector w2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector w3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            s02 = x.fma(w2, s02);
            s03 = x.fma(w3, s03);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            s12 = x.fma(w2, s12);
            s13 = x.fma(w3, s13);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            s22 = x.fma(w2, s22);
            s23 = x.fma(w3, s23);
            x = FloatVector.fromArray(S, a, a3 + p);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
            s32 = x.fma(w2, s32);
            s33 = x.fma(w3, s33);
        }
        if (p < k) {
            // The last k mod L products: one more step over the last L floats of each row, with the lanes that the
            // loop has summed set to zero in both operands (zero times an infinity would be NaN). Every full-vector
            // dot kernel ends this way, so each adds the same chain per lane; k >= L here (see dotProducts). Only
            // where k mod L > 0: taken with no lane set as well, it cost 2–18% at k = 784 (one-JVM A/B, JDK 17, 25).
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector w0 = ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last);
            FloatVector w1 = ZERO.blend(FloatVector.fromArray(S, b, b1 + q), last);
            FloatVector w2 = ZERO.blend(FloatVector.fromArray(S, b, b2 + q), last);
            FloatVector w3 = ZERO.blend(FloatVector.fromArray(S, b, b3 + q), last);
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            s02 = x.fma(w2, s02);
            s03 = x.fma(w3, s03);
            x = ZERO.blend(FloatVector.fromArray(S, a, a1 + q), last);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            s12 = x.fma(w2, s12);
            s13 = x.fma(w3, s13);
            x = ZERO.blend(FloatVector.fromArray(S, a, a2 + q), last);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            s22 = x.fma(w2, s22);
            s23 = x.fma(w3, s23);
            x = ZERO.blend(FloatVector.fromArray(S, a, a3 + q), last);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
            s32 = x.fma(w2, s32);
            s33 = x.fma(w3, s33);
        }
        // The accumulators to memory and their sums into lanes[16L ..) by laneSums, which takes no vector (one C2
        // leaves out of line would box it). Not reduced on the registers here: 16 reductions more in this method's
        // compiled code put it at risk of C2 running out of class-check traps (see reluTile).
        // Stored directly, not through ZERO.blend: with 16 blends relu(X·Wᵀ + b) 32×784×128 ran at 63 GFLOP/s
        // instead of 78 (AVX-512, JDK 17, /tmp harness).
        int sums = 16 * L;
        s00.intoArray(lanes, 0 * L);
        s01.intoArray(lanes, 1 * L);
        s02.intoArray(lanes, 2 * L);
        s03.intoArray(lanes, 3 * L);
        s10.intoArray(lanes, 4 * L);
        s11.intoArray(lanes, 5 * L);
        s12.intoArray(lanes, 6 * L);
        s13.intoArray(lanes, 7 * L);
        s20.intoArray(lanes, 8 * L);
        s21.intoArray(lanes, 9 * L);
        s22.intoArray(lanes, 10 * L);
        s23.intoArray(lanes, 11 * L);
        s30.intoArray(lanes, 12 * L);
        s31.intoArray(lanes, 13 * L);
        s32.intoArray(lanes, 14 * L);
        s33.intoArray(lanes, 15 * L);
        laneSums(lanes, 16);
        for (int r = 0; r < 4; r++) {
            int ar = a0 + r * lda;
            int cr = c0 + r * ldc;
            int t = sums + 4 * r;
            finishDot(lanes[t], alpha, beta, c, cr);
            finishDot(lanes[t + 1], alpha, beta, c, cr + 1);
            finishDot(lanes[t + 2], alpha, beta, c, cr + 2);
            finishDot(lanes[t + 3], alpha, beta, c, cr + 3);
        }
    }

    private static void dot4x2(int k, float[] a, int a0, int lda, float[] b, int b0, int ldb,
                               float alpha, float beta, float[] c, int c0, int ldc, float[] lanes) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        int b1 = b0 + ldb;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector w0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector w1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            x = FloatVector.fromArray(S, a, a3 + p);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
        }
        if (p < k) {
            // The last k mod L products, as in dot4x4.
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector w0 = ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last);
            FloatVector w1 = ZERO.blend(FloatVector.fromArray(S, b, b1 + q), last);
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s00 = x.fma(w0, s00);
            s01 = x.fma(w1, s01);
            x = ZERO.blend(FloatVector.fromArray(S, a, a1 + q), last);
            s10 = x.fma(w0, s10);
            s11 = x.fma(w1, s11);
            x = ZERO.blend(FloatVector.fromArray(S, a, a2 + q), last);
            s20 = x.fma(w0, s20);
            s21 = x.fma(w1, s21);
            x = ZERO.blend(FloatVector.fromArray(S, a, a3 + q), last);
            s30 = x.fma(w0, s30);
            s31 = x.fma(w1, s31);
        }
        // Accumulators to memory first: laneSums takes no vector, so none is boxed if C2 leaves it out of line.
        ZERO.blend(s00, EVERY_LANE).intoArray(lanes, 0 * L);
        ZERO.blend(s01, EVERY_LANE).intoArray(lanes, 1 * L);
        ZERO.blend(s10, EVERY_LANE).intoArray(lanes, 2 * L);
        ZERO.blend(s11, EVERY_LANE).intoArray(lanes, 3 * L);
        ZERO.blend(s20, EVERY_LANE).intoArray(lanes, 4 * L);
        ZERO.blend(s21, EVERY_LANE).intoArray(lanes, 5 * L);
        ZERO.blend(s30, EVERY_LANE).intoArray(lanes, 6 * L);
        ZERO.blend(s31, EVERY_LANE).intoArray(lanes, 7 * L);
        laneSums(lanes, 8);
        finishDot(lanes[16 * L + 0], alpha, beta, c, c0);
        finishDot(lanes[16 * L + 1], alpha, beta, c, c0 + 1);
        finishDot(lanes[16 * L + 2], alpha, beta, c, c0 + ldc);
        finishDot(lanes[16 * L + 3], alpha, beta, c, c0 + ldc + 1);
        finishDot(lanes[16 * L + 4], alpha, beta, c, c0 + 2 * ldc);
        finishDot(lanes[16 * L + 5], alpha, beta, c, c0 + 2 * ldc + 1);
        finishDot(lanes[16 * L + 6], alpha, beta, c, c0 + 3 * ldc);
        finishDot(lanes[16 * L + 7], alpha, beta, c, c0 + 3 * ldc + 1);
    }

    /**
     * Two or three rows of A against four rows of B (AVX-512: 12 accumulators, 3 + 4 loads per step): each row of B
     * read once for all rows of A, where one row at a time streamed B once per row. {@code rows} = 2 computes row 1
     * twice and finishes it once. Same lane sums as dot1x4 and dot1x8.
     */
    private static void dot3x4(int rows, int k, float[] a, int a0, int lda, float[] b, int b0, int ldb,
                               float alpha, float beta, float[] c, int c0, int ldc, float[] lanes) {
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
        FloatVector s02 = FloatVector.zero(S), s03 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
        FloatVector s12 = FloatVector.zero(S), s13 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
        FloatVector s22 = FloatVector.zero(S), s23 = FloatVector.zero(S);
        int a1 = a0 + lda, a2 = rows > 2 ? a1 + lda : a1;
        int b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            s23 = x.fma(y3, s23);
        }
        if (p < k) {
            // The last k mod L products, as in dot4x4.
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector y0 = ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last);
            FloatVector y1 = ZERO.blend(FloatVector.fromArray(S, b, b1 + q), last);
            FloatVector y2 = ZERO.blend(FloatVector.fromArray(S, b, b2 + q), last);
            FloatVector y3 = ZERO.blend(FloatVector.fromArray(S, b, b3 + q), last);
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            s02 = x.fma(y2, s02);
            s03 = x.fma(y3, s03);
            x = ZERO.blend(FloatVector.fromArray(S, a, a1 + q), last);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            s12 = x.fma(y2, s12);
            s13 = x.fma(y3, s13);
            x = ZERO.blend(FloatVector.fromArray(S, a, a2 + q), last);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            s22 = x.fma(y2, s22);
            s23 = x.fma(y3, s23);
        }
        // Accumulators to memory first, as in dot1x4.
        ZERO.blend(s00, EVERY_LANE).intoArray(lanes, 0 * L);
        ZERO.blend(s01, EVERY_LANE).intoArray(lanes, 1 * L);
        ZERO.blend(s02, EVERY_LANE).intoArray(lanes, 2 * L);
        ZERO.blend(s03, EVERY_LANE).intoArray(lanes, 3 * L);
        ZERO.blend(s10, EVERY_LANE).intoArray(lanes, 4 * L);
        ZERO.blend(s11, EVERY_LANE).intoArray(lanes, 5 * L);
        ZERO.blend(s12, EVERY_LANE).intoArray(lanes, 6 * L);
        ZERO.blend(s13, EVERY_LANE).intoArray(lanes, 7 * L);
        ZERO.blend(s20, EVERY_LANE).intoArray(lanes, 8 * L);
        ZERO.blend(s21, EVERY_LANE).intoArray(lanes, 9 * L);
        ZERO.blend(s22, EVERY_LANE).intoArray(lanes, 10 * L);
        ZERO.blend(s23, EVERY_LANE).intoArray(lanes, 11 * L);
        laneSums(lanes, 12);
        for (int r = 0; r < rows; r++) {
            int ar = r == 0 ? a0 : r == 1 ? a1 : a2;
            for (int j = 0; j < 4; j++) {
                int bj = b0 + j * ldb;
                finishDot(lanes[16 * L + 4 * r + j], alpha, beta, c, c0 + r * ldc + j);
            }
        }
    }

    /** One row of A against four rows of B: four independent FMA chains, enough to hide the FMA latency. */
    private static void dot1x4(int k, float[] a, int a0, float[] b, int b0, int ldb,
                               float alpha, float beta, float[] c, int c0, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        int b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
        }
        if (p < k) {
            // The last k mod L products, as in dot4x4.
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s0 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last), s0);
            s1 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b1 + q), last), s1);
            s2 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b2 + q), last), s2);
            s3 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b3 + q), last), s3);
        }
        // Accumulators to memory first: laneSums takes no vector, so none is boxed if C2 leaves it out of line.
        ZERO.blend(s0, EVERY_LANE).intoArray(lanes, 0 * L);
        ZERO.blend(s1, EVERY_LANE).intoArray(lanes, 1 * L);
        ZERO.blend(s2, EVERY_LANE).intoArray(lanes, 2 * L);
        ZERO.blend(s3, EVERY_LANE).intoArray(lanes, 3 * L);
        laneSums(lanes, 4);
        finishDot(lanes[16 * L + 0], alpha, beta, c, c0);
        finishDot(lanes[16 * L + 1], alpha, beta, c, c0 + 1);
        finishDot(lanes[16 * L + 2], alpha, beta, c, c0 + 2);
        finishDot(lanes[16 * L + 3], alpha, beta, c, c0 + 3);
    }

    /**
     * One row of A against eight rows of B, where there are 32 vector registers: eight streams of B in flight
     * instead of four, and one load of A per eight FMAs. Same sums per element as {@link #dot1x4}.
     */
    private static void dot1x8(int k, float[] a, int a0, float[] b, int b0, int ldb,
                               float alpha, float beta, float[] c, int c0, float[] lanes) {
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
        FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        FloatVector s4 = FloatVector.zero(S), s5 = FloatVector.zero(S);
        FloatVector s6 = FloatVector.zero(S), s7 = FloatVector.zero(S);
        int b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb, b4 = b3 + ldb, b5 = b4 + ldb, b6 = b5 + ldb;
        int b7 = b6 + ldb;
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
            s4 = x.fma(FloatVector.fromArray(S, b, b4 + p), s4);
            s5 = x.fma(FloatVector.fromArray(S, b, b5 + p), s5);
            s6 = x.fma(FloatVector.fromArray(S, b, b6 + p), s6);
            s7 = x.fma(FloatVector.fromArray(S, b, b7 + p), s7);
        }
        if (p < k) {
            // The last k mod L products, as in dot4x4.
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s0 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last), s0);
            s1 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b1 + q), last), s1);
            s2 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b2 + q), last), s2);
            s3 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b3 + q), last), s3);
            s4 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b4 + q), last), s4);
            s5 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b5 + q), last), s5);
            s6 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b6 + q), last), s6);
            s7 = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b7 + q), last), s7);
        }
        // Accumulators to memory first: laneSums takes no vector, so none is boxed if C2 leaves it out of line.
        ZERO.blend(s0, EVERY_LANE).intoArray(lanes, 0 * L);
        ZERO.blend(s1, EVERY_LANE).intoArray(lanes, 1 * L);
        ZERO.blend(s2, EVERY_LANE).intoArray(lanes, 2 * L);
        ZERO.blend(s3, EVERY_LANE).intoArray(lanes, 3 * L);
        ZERO.blend(s4, EVERY_LANE).intoArray(lanes, 4 * L);
        ZERO.blend(s5, EVERY_LANE).intoArray(lanes, 5 * L);
        ZERO.blend(s6, EVERY_LANE).intoArray(lanes, 6 * L);
        ZERO.blend(s7, EVERY_LANE).intoArray(lanes, 7 * L);
        laneSums(lanes, 8);
        finishDot(lanes[16 * L + 0], alpha, beta, c, c0);
        finishDot(lanes[16 * L + 1], alpha, beta, c, c0 + 1);
        finishDot(lanes[16 * L + 2], alpha, beta, c, c0 + 2);
        finishDot(lanes[16 * L + 3], alpha, beta, c, c0 + 3);
        finishDot(lanes[16 * L + 4], alpha, beta, c, c0 + 4);
        finishDot(lanes[16 * L + 5], alpha, beta, c, c0 + 5);
        finishDot(lanes[16 * L + 6], alpha, beta, c, c0 + 6);
        finishDot(lanes[16 * L + 7], alpha, beta, c, c0 + 7);
    }

    private static float dot(int k, float[] a, int a0, float[] b, int b0, float[] lanes) {
        FloatVector s = FloatVector.zero(S);
        int p = 0;
        for (int bound = S.loopBound(k); p < bound; p += L) {
            s = FloatVector.fromArray(S, a, a0 + p).fma(FloatVector.fromArray(S, b, b0 + p), s);
        }
        if (p < k) {
            // The last k mod L products, as in dot4x4.
            VectorMask<Float> last = IOTA.compare(VectorOperators.GE, p + L - k);
            int q = k - L;
            FloatVector x = ZERO.blend(FloatVector.fromArray(S, a, a0 + q), last);
            s = x.fma(ZERO.blend(FloatVector.fromArray(S, b, b0 + q), last), s);
        }
        ZERO.blend(s, EVERY_LANE).intoArray(lanes, 0);
        laneSums(lanes, 1);
        return lanes[16 * L];
    }

    /**
     * The sums of {@code count} dot-product accumulators, stored at {@code lanes[t·L]}, into {@code lanes[16·L + t]}.
     * With 16 lanes, each is added over a balanced tree of its lanes in a fixed order (lanes j and j ^ 1 first,
     * then j ^ 2, j ^ 4, j ^ 8), all of them at once in {@link #laneSums16}: 15 vector adds and 60 lane moves, where
     * one sum in lane order is 15 dependent scalar adds. The tree is the same for every kernel, count and JDK, and
     * the lanes of one accumulator never mix with another's, so a sum does not depend on which kernel computed it.
     * Other vector sizes add in lane order ({@link #laneSum}).
     */
    private static void laneSums(float[] lanes, int count) {
        if (L == 16 && count <= 8) {
            laneSums8(lanes);
            return;
        }
        if (L == 16) {
            laneSums16(lanes);
            return;
        }
        for (int t = 0; t < count; t++) {
            lanes[16 * L + t] = laneSum(lanes, t * L);
        }
    }

    /**
     * 16 accumulators of 16 lanes into one vector of their sums. Each step pairs two vectors x and y of the last:
     * lanes of x whose bit d is clear take x[j] + x[j ^ d], lanes whose bit d is set take y[j ^ d] + y[j], so after
     * the four steps lane t holds accumulator t's sum. Accumulators past a kernel's count hold whatever an earlier
     * call left; their lanes only reach their own sums, which nobody reads.
     */
    private static void laneSums16(float[] lanes) {
        FloatVector v0 = FloatVector.fromArray(S, lanes, 0 * L);
        FloatVector v1 = FloatVector.fromArray(S, lanes, 1 * L);
        FloatVector v2 = FloatVector.fromArray(S, lanes, 2 * L);
        FloatVector v3 = FloatVector.fromArray(S, lanes, 3 * L);
        FloatVector v4 = FloatVector.fromArray(S, lanes, 4 * L);
        FloatVector v5 = FloatVector.fromArray(S, lanes, 5 * L);
        FloatVector v6 = FloatVector.fromArray(S, lanes, 6 * L);
        FloatVector v7 = FloatVector.fromArray(S, lanes, 7 * L);
        FloatVector v8 = FloatVector.fromArray(S, lanes, 8 * L);
        FloatVector v9 = FloatVector.fromArray(S, lanes, 9 * L);
        FloatVector v10 = FloatVector.fromArray(S, lanes, 10 * L);
        FloatVector v11 = FloatVector.fromArray(S, lanes, 11 * L);
        FloatVector v12 = FloatVector.fromArray(S, lanes, 12 * L);
        FloatVector v13 = FloatVector.fromArray(S, lanes, 13 * L);
        FloatVector v14 = FloatVector.fromArray(S, lanes, 14 * L);
        FloatVector v15 = FloatVector.fromArray(S, lanes, 15 * L);
        v0 = v0.blend(v1.rearrange(SWAP1), HIGH1).add(v0.rearrange(SWAP1).blend(v1, HIGH1));
        v2 = v2.blend(v3.rearrange(SWAP1), HIGH1).add(v2.rearrange(SWAP1).blend(v3, HIGH1));
        v4 = v4.blend(v5.rearrange(SWAP1), HIGH1).add(v4.rearrange(SWAP1).blend(v5, HIGH1));
        v6 = v6.blend(v7.rearrange(SWAP1), HIGH1).add(v6.rearrange(SWAP1).blend(v7, HIGH1));
        v8 = v8.blend(v9.rearrange(SWAP1), HIGH1).add(v8.rearrange(SWAP1).blend(v9, HIGH1));
        v10 = v10.blend(v11.rearrange(SWAP1), HIGH1).add(v10.rearrange(SWAP1).blend(v11, HIGH1));
        v12 = v12.blend(v13.rearrange(SWAP1), HIGH1).add(v12.rearrange(SWAP1).blend(v13, HIGH1));
        v14 = v14.blend(v15.rearrange(SWAP1), HIGH1).add(v14.rearrange(SWAP1).blend(v15, HIGH1));
        v0 = v0.blend(v2.rearrange(SWAP2), HIGH2).add(v0.rearrange(SWAP2).blend(v2, HIGH2));
        v4 = v4.blend(v6.rearrange(SWAP2), HIGH2).add(v4.rearrange(SWAP2).blend(v6, HIGH2));
        v8 = v8.blend(v10.rearrange(SWAP2), HIGH2).add(v8.rearrange(SWAP2).blend(v10, HIGH2));
        v12 = v12.blend(v14.rearrange(SWAP2), HIGH2).add(v12.rearrange(SWAP2).blend(v14, HIGH2));
        v0 = v0.blend(v4.rearrange(SWAP4), HIGH4).add(v0.rearrange(SWAP4).blend(v4, HIGH4));
        v8 = v8.blend(v12.rearrange(SWAP4), HIGH4).add(v8.rearrange(SWAP4).blend(v12, HIGH4));
        v0 = v0.blend(v8.rearrange(SWAP8), HIGH8).add(v0.rearrange(SWAP8).blend(v8, HIGH8));
        v0.intoArray(lanes, 16 * L);
    }

    /**
     * {@link #laneSums16} for up to 8 accumulators: its first three steps, then lane j plus lane j ^ 8 of the one
     * vector left, which are the operands of its last step, so the same sums bit for bit.
     */
    private static void laneSums8(float[] lanes) {
        FloatVector v0 = FloatVector.fromArray(S, lanes, 0 * L);
        FloatVector v1 = FloatVector.fromArray(S, lanes, 1 * L);
        FloatVector v2 = FloatVector.fromArray(S, lanes, 2 * L);
        FloatVector v3 = FloatVector.fromArray(S, lanes, 3 * L);
        FloatVector v4 = FloatVector.fromArray(S, lanes, 4 * L);
        FloatVector v5 = FloatVector.fromArray(S, lanes, 5 * L);
        FloatVector v6 = FloatVector.fromArray(S, lanes, 6 * L);
        FloatVector v7 = FloatVector.fromArray(S, lanes, 7 * L);
        v0 = v0.blend(v1.rearrange(SWAP1), HIGH1).add(v0.rearrange(SWAP1).blend(v1, HIGH1));
        v2 = v2.blend(v3.rearrange(SWAP1), HIGH1).add(v2.rearrange(SWAP1).blend(v3, HIGH1));
        v4 = v4.blend(v5.rearrange(SWAP1), HIGH1).add(v4.rearrange(SWAP1).blend(v5, HIGH1));
        v6 = v6.blend(v7.rearrange(SWAP1), HIGH1).add(v6.rearrange(SWAP1).blend(v7, HIGH1));
        v0 = v0.blend(v2.rearrange(SWAP2), HIGH2).add(v0.rearrange(SWAP2).blend(v2, HIGH2));
        v4 = v4.blend(v6.rearrange(SWAP2), HIGH2).add(v4.rearrange(SWAP2).blend(v6, HIGH2));
        v0 = v0.blend(v4.rearrange(SWAP4), HIGH4).add(v0.rearrange(SWAP4).blend(v4, HIGH4));
        v0.add(v0.rearrange(SWAP8)).intoArray(lanes, 16 * L);
    }

    /**
     * The lanes of a dot product's accumulator added in lane order, from +0: ((0 + v₀) + v₁) + … + v_{L−1}, for vector
     * sizes other than 16 lanes (see {@link #laneSums}).
     * {@code reduceLanes(ADD)} leaves the order open. On JDK 17 it is exactly this order, both in C2's intrinsic
     * (its float add reduction was strictly ordered, as auto-vectorization needs) and in the Java code that runs
     * before C2 compiles a method: checked on 3 million random vectors, no bit differed. There it is used, because
     * it is much faster than a store and L scalar loads (X·Wᵀ at 64×784×128: 81 against 55–75 GFLOP/s). Later JDKs
     * let C2 reorder Vector API reductions (on JDK 25 six in ten of those sums differed from the Java fallback's),
     * which would make a result depend on whether its method had been compiled yet (JitDeterminismTest catches
     * it); there the lanes are added in scalar code.
     */
    private static float laneSum(float[] lanes, int off) {
        if (ORDERED_REDUCTION) {
            return FloatVector.fromArray(S, lanes, off).reduceLanes(VectorOperators.ADD);
        }
        return sumInOrder(lanes, off, L);
    }

    /** {@code ((0 + lanes[off]) + lanes[off + 1]) + … + lanes[off + count − 1]}, in scalar code. */
    private static float sumInOrder(float[] lanes, int off, int count) {
        float s = 0f;
        for (int lane = 0; lane < count; lane++) {
            s += lanes[off + lane];
        }
        return s;
    }

    private static float dotTail(float[] a, int a0, float[] b, int b0, int from, int k) {
        float s = 0f;
        for (int p = from; p < k; p++) {
            s += a[a0 + p] * b[b0 + p];
        }
        return s;
    }

    private static void finishDot(float dot, float alpha, float beta, float[] c, int ci) {
        float v = alpha * dot;
        if (beta != 0f) {
            v += beta * c[ci];
        }
        c[ci] = v;
    }

    /**
     * Bias and relu over a finished stretch of a row of C, while it is still in L1 (sigmoid is applied by
     * {@link #gemm} after the product). Nothing here hands a vector to another method: a method C2 does not
     * inline takes and returns its vectors boxed on the heap, and whether it inlines one depends on the node budget
     * of the method it would go into and on the profile at that moment; a vector chosen by a branch is boxed too.
     */
    static void rowEpilogue(float[] c, int ci, int n, float[] bias, int biasOff, Activation act) {
        if (bias != null && act == Activation.RELU) {
            // Fused, one pass instead of two. A loop of its own: a vector chosen by a branch is boxed as well.
            int j = 0;
            for (int bound = S.loopBound(n); j < bound; j += L) {
                FloatVector.fromArray(S, c, ci + j).add(FloatVector.fromArray(S, bias, biasOff + j)).max(0f)
                        .intoArray(c, ci + j);
            }
            for (; j < n; j++) {
                c[ci + j] = Math.max(c[ci + j] + bias[biasOff + j], 0f);
            }
            return;
        }
        if (bias != null) {
            int j = 0;
            for (int bound = S.loopBound(n); j < bound; j += L) {
                FloatVector.fromArray(S, c, ci + j).add(FloatVector.fromArray(S, bias, biasOff + j))
                        .intoArray(c, ci + j);
            }
            for (; j < n; j++) {
                c[ci + j] += bias[biasOff + j];
            }
        }
        switch (act) {
            case IDENTITY -> { }
            case RELU -> VectorActivations.relu(c, ci, c, ci, n);
            case SIGMOID -> VectorActivations.sigmoid(c, ci, c, ci, n);   // not reached: gemm() takes it out
        }
    }

    /**
     * C = alpha·acc + beta·C for a finished tile of raw sums in {@code out} (C itself when beta = 0), beta = 0
     * meaning C is not read, then bias and activation. One loop per case, so no vector is chosen by a branch:
     * alpha·acc is exact for alpha = 1 and skipped then, and beta·C + alpha·acc is one FMA.
     */
    private static void finish(float[] out, int o, int ldo, int rows, int width, float alpha, float beta,
                               float[] c, int c0, int ldc, float[] bias, int biasOff, Activation act) {
        if (beta == 0f && alpha == 1f && bias != null && act == Activation.RELU) {
            // A network layer's case, in one loop nest over the tile: row by row through rowEpilogue,
            // relu(X·B + b) at 64×128×64 took 11.9 µs against 11.1 (10.4 for the product alone).
            reluTile(c, c0, ldc, rows, width, bias, biasOff);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int or = o + r * ldo;
            int cr = c0 + r * ldc;
            if (beta == 0f) {
                if (alpha != 1f) {
                    for (int j = 0; j < width; j += L) {
                        FloatVector.fromArray(S, out, or + j).mul(alpha).intoArray(c, cr + j);
                    }
                }
            } else if (beta == 1f) {
                for (int j = 0; j < width; j += L) {
                    FloatVector.fromArray(S, out, or + j).mul(alpha).add(FloatVector.fromArray(S, c, cr + j))
                            .intoArray(c, cr + j);
                }
            } else {
                for (int j = 0; j < width; j += L) {
                    FloatVector.fromArray(S, c, cr + j)
                            .fma(FloatVector.broadcast(S, beta), FloatVector.fromArray(S, out, or + j).mul(alpha))
                            .intoArray(c, cr + j);
                }
            }
            rowEpilogue(c, cr, width, bias, biasOff, act);
        }
    }
}
