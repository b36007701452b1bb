package dev.tensorlane.internal.vector;

import dev.tensorlane.Activation;
import dev.tensorlane.internal.HeapLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cache-blocked GEMM for large products with beta = 0, BLIS style: op(B) is packed a {@link #KC} × {@link #NC}
 * block at a time into panels of NR columns, op(A) an {@link #MC} × KC block at a time into panels of MR rows, and
 * a register-blocked micro-kernel multiplies one A panel by one B panel into an MR × NR tile of C.
 *
 * <p>Block sizes, measured on a 32 KiB L1 / 1 MiB L2 / 32 MiB L3 core (AMD Zen 4, AVX-512, JDK 17, 512³ to
 * 2048³): an A block (MC × KC = 256 × 512 floats, 512 KiB) stays in L2 while the B panels (KC × NR, 64 KiB)
 * stream past it, and the B block (KC × NC, 2 MiB) sits in L3. A B panel small enough for L1 (KC = 128) was
 * slower, 10–15% at 1024³ and 2048³: with 8 rows per tile the kernel does 16 FMAs per 2 loads of B, so L2 feeds
 * it, while short k loops pay the tile's 16 loads and stores of C more often. KC from 256 to 1024, MC from 128
 * to 512 and NC 1024 or 2048 were within the noise of each other. Packing makes both
 * operands one contiguous stream each whatever their layout or transposition, so all four transpose
 * combinations run the same kernel; edges are padded with zeros in the packed copies and computed in a
 * scratch tile.
 *
 * <p>Used for Aᵀ·op(B) deeper than VectorGemm copies rows of op(A) (k > 2032; from 256 with 16 vector registers),
 * and for A·Bᵀ of depth 256 to 511 where the panels are not shallow (not on Intel). A·B no longer comes here, and shallower Aᵀ·B neither: {@code VectorGemm}'s
 * banded path (B packed, A read a band of rows at a time) measured faster at every shape tried; Aᵀ·B 1024³ on Intel
 * AVX-512, one-JVM A/B: 1.14–1.17 / 1.55 (JDK 17 / 25), 784×1000×128 1.04–1.17, 128×1000×64 1.22–1.71.
 *
 * <p><b>Same arithmetic as the unblocked kernel.</b> Blocking k does not reorder any sum: between two k blocks
 * the accumulators are parked in C as the very floats they are and loaded back, so each element is still one
 * chain of FMAs over p = 0..k−1 from zero, scaled by alpha once at the end, with bias and activation applied to
 * the finished tile. That is why only beta = 0 comes here: with beta ≠ 0, C holds beta·C's operand, which the
 * parked partial sums would overwrite (the unblocked kernel handles it).
 */
final class VectorGemmBlocked {
    private VectorGemmBlocked() {}

    private static final VectorSpecies<Float> S = VectorConstants.FLOAT;
    private static final int L = S.length();
    /** Eight rows where there are 32 vector registers (16 accumulators + 2 B + 1 broadcast), else four. */
    static final int MR = L >= 16 ? 8 : 4;
    static final int NR = 2 * L;
    static final int KC = 512;
    static final int MC = 256;
    static final int NC = 1024;

    /**
     * Where the B panels start in their buffer: on a cache line where {@link HeapLayout} knows, as VectorGemm's. On
     * Intel AVX-512, G1, one-JVM A/B against the panels wherever the buffer put them, JDK 17 / 25: Aᵀ·B 1024×3000×1024
     * 1.10–1.14 / 1.08–1.15 (two runs), 512×4096×512 1.10 / 1.11, 2048×2100×512 1.14 / 1.14, 256×8192×256 1.02 /
     * 1.08. Same bits.
     */
    private static final int SHIFT = HeapLayout.lineStart();
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[][] {
            HeapLayout.floats(KC * NC), new float[MC * KC], new float[MR * NR]});

    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, float[] bias, int biasOff, Activation act) {
        float[][] buffers = BUFFERS.get();
        float[] bp = buffers[0], ap = buffers[1], edge = buffers[2];
        // op(A)[i][p] = a[aOff + i·rowA + p·colA], op(B)[p][j] = b[bOff + p·rowB + j·colB]
        int rowA = transA ? 1 : lda, colA = transA ? lda : 1;
        int rowB = transB ? 1 : ldb, colB = transB ? ldb : 1;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean first = pc == 0, last = pc + kc == k;
                packB(b, bOff + pc * rowB + jc * colB, rowB, colB, kc, nc, bp);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(a, aOff + ic * rowA + pc * colA, rowA, colA, mc, kc, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int ci = cOff + (ic + ir) * ldc + jc + jr;
                            float scale = last ? alpha : 1f;
                            if (mr == MR && nr == NR) {
                                kernel(kc, ap, ir * kc, bp, SHIFT + jr * kc, c, ci, ldc, first, scale);
                            } else {
                                for (int r = 0; r < MR; r++) {
                                    for (int j = 0; j < NR; j++) {
                                        edge[r * NR + j] = !first && r < mr && j < nr ? c[ci + r * ldc + j] : 0f;
                                    }
                                }
                                kernel(kc, ap, ir * kc, bp, SHIFT + jr * kc, edge, 0, NR, false, scale);
                                for (int r = 0; r < mr; r++) {
                                    System.arraycopy(edge, r * NR, c, ci + r * ldc, nr);
                                }
                            }
                            if (last) {
                                for (int r = 0; r < mr; r++) {
                                    VectorGemm.rowEpilogue(c, ci + r * ldc, nr, bias, biasOff + jc + jr, act);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * B block kc × nc into panels of NR columns from SHIFT on, each kc × NR contiguous by rows; the last one
     * zero-padded. Rows of B a row at a time across the whole panels, so that B is read along its rows (panel by
     * panel, each row's NR floats were on another page once rows are 4 KiB apart; see VectorGemm.packRow).
     */
    private static void packB(float[] b, int b0, int rowB, int colB, int kc, int nc, float[] bp) {
        int whole = colB == 1 ? nc - nc % NR : 0;
        for (int p = 0; p < kc; p++) {
            for (int jr = 0; jr < whole; jr += NR) {
                System.arraycopy(b, b0 + p * rowB + jr, bp, SHIFT + jr * kc + p * NR, NR);
            }
        }
        // The rest (all of B when it is transposed, rowB = 1): by VectorGemm's transposing copy (gathers on AVX-512;
        // column by column here, it took 31% of Aᵀ·Bᵀ 128×10000×128), then zeros past the last column.
        for (int jr = whole; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = SHIFT + jr * kc;
            if (rowB == 1) {
                VectorGemm.transpose(b, b0 + jr * colB, colB, nr, kc, bp, dst, NR);
            } else {
                for (int j = 0; j < nr; j++) {
                    int src = b0 + (jr + j) * colB;
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = b[src + p * rowB];
                    }
                }
            }
            for (int p = 0; nr < NR && p < kc; p++) {
                java.util.Arrays.fill(bp, dst + p * NR + nr, dst + (p + 1) * NR, 0f);
            }
        }
    }

    /**
     * A block mc × kc into panels of MR rows, each kc × MR contiguous by k; the last one zero-padded. op(A) = Aᵀ
     * (rowA = 1) is read along A's rows: p by p, MR consecutive floats each (row by row of op(A), each float was a
     * row of A away from the last).
     */
    private static void packA(float[] a, int a0, int rowA, int colA, int mc, int kc, float[] ap) {
        if (rowA == 1) {
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int dst = ir * kc;
                for (int p = 0; p < kc; p++) {
                    int src = a0 + p * colA + ir;
                    for (int r = 0; r < MR; r++) {
                        ap[dst + p * MR + r] = r < mr ? a[src + r] : 0f;
                    }
                }
            }
            return;
        }
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            for (int r = 0; r < MR; r++) {
                if (r < mr) {
                    int src = a0 + (ir + r) * rowA;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = a[src + p * colA];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = 0f;
                    }
                }
            }
        }
    }

    private static void kernel(int kc, float[] ap, int a0, float[] bp, int b0, float[] c, int ci, int ldc,
                               boolean first, float scale) {
        if (MR == 8) {
            kernel8(kc, ap, a0, bp, b0, c, ci, ldc, first, scale);
        } else {
            kernel4(kc, ap, a0, bp, b0, c, ci, ldc, first, scale);
        }
    }

    private static void kernel8(int kc, float[] ap, int a0, float[] bp, int b0, float[] c, int ci, int ldc,
                                boolean first, float scale) {
        if (first) {
            zero(c, ci, ldc, 8);
        }
        FloatVector c00 = FloatVector.fromArray(S, c, ci), c01 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c10 = FloatVector.fromArray(S, c, ci + ldc), c11 = FloatVector.fromArray(S, c, ci + ldc + L);
        FloatVector c20 = FloatVector.fromArray(S, c, ci + 2 * ldc), c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + L);
        FloatVector c30 = FloatVector.fromArray(S, c, ci + 3 * ldc), c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + L);
        FloatVector c40 = FloatVector.fromArray(S, c, ci + 4 * ldc), c41 = FloatVector.fromArray(S, c, ci + 4 * ldc + L);
        FloatVector c50 = FloatVector.fromArray(S, c, ci + 5 * ldc), c51 = FloatVector.fromArray(S, c, ci + 5 * ldc + L);
        FloatVector c60 = FloatVector.fromArray(S, c, ci + 6 * ldc), c61 = FloatVector.fromArray(S, c, ci + 6 * ldc + L);
        FloatVector c70 = FloatVector.fromArray(S, c, ci + 7 * ldc), c71 = FloatVector.fromArray(S, c, ci + 7 * ldc + L);
        for (int p = 0; p < kc; p++) {
            int bi = b0 + p * NR, ai = a0 + p * 8;
            FloatVector b0v = FloatVector.fromArray(S, bp, bi);
            FloatVector b1v = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
            x = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = x.fma(b0v, c40);
            c41 = x.fma(b1v, c41);
            x = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = x.fma(b0v, c50);
            c51 = x.fma(b1v, c51);
            x = FloatVector.broadcast(S, ap[ai + 6]);
            c60 = x.fma(b0v, c60);
            c61 = x.fma(b1v, c61);
            x = FloatVector.broadcast(S, ap[ai + 7]);
            c70 = x.fma(b0v, c70);
            c71 = x.fma(b1v, c71);
        }
        VectorConstants.ZERO.blend(c00, VectorConstants.EVERY_LANE).intoArray(c, ci);
        VectorConstants.ZERO.blend(c01, VectorConstants.EVERY_LANE).intoArray(c, ci + L);
        VectorConstants.ZERO.blend(c10, VectorConstants.EVERY_LANE).intoArray(c, ci + ldc);
        VectorConstants.ZERO.blend(c11, VectorConstants.EVERY_LANE).intoArray(c, ci + ldc + L);
        VectorConstants.ZERO.blend(c20, VectorConstants.EVERY_LANE).intoArray(c, ci + 2 * ldc);
        VectorConstants.ZERO.blend(c21, VectorConstants.EVERY_LANE).intoArray(c, ci + 2 * ldc + L);
        VectorConstants.ZERO.blend(c30, VectorConstants.EVERY_LANE).intoArray(c, ci + 3 * ldc);
        VectorConstants.ZERO.blend(c31, VectorConstants.EVERY_LANE).intoArray(c, ci + 3 * ldc + L);
        VectorConstants.ZERO.blend(c40, VectorConstants.EVERY_LANE).intoArray(c, ci + 4 * ldc);
        VectorConstants.ZERO.blend(c41, VectorConstants.EVERY_LANE).intoArray(c, ci + 4 * ldc + L);
        VectorConstants.ZERO.blend(c50, VectorConstants.EVERY_LANE).intoArray(c, ci + 5 * ldc);
        VectorConstants.ZERO.blend(c51, VectorConstants.EVERY_LANE).intoArray(c, ci + 5 * ldc + L);
        VectorConstants.ZERO.blend(c60, VectorConstants.EVERY_LANE).intoArray(c, ci + 6 * ldc);
        VectorConstants.ZERO.blend(c61, VectorConstants.EVERY_LANE).intoArray(c, ci + 6 * ldc + L);
        VectorConstants.ZERO.blend(c70, VectorConstants.EVERY_LANE).intoArray(c, ci + 7 * ldc);
        VectorConstants.ZERO.blend(c71, VectorConstants.EVERY_LANE).intoArray(c, ci + 7 * ldc + L);
        if (scale != 1f) {
            scale(c, ci, ldc, 8, scale);
        }
    }

    private static void kernel4(int kc, float[] ap, int a0, float[] bp, int b0, float[] c, int ci, int ldc,
                                boolean first, float scale) {
        if (first) {
            zero(c, ci, ldc, 4);
        }
        FloatVector c00 = FloatVector.fromArray(S, c, ci), c01 = FloatVector.fromArray(S, c, ci + L);
        FloatVector c10 = FloatVector.fromArray(S, c, ci + ldc), c11 = FloatVector.fromArray(S, c, ci + ldc + L);
        FloatVector c20 = FloatVector.fromArray(S, c, ci + 2 * ldc), c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + L);
        FloatVector c30 = FloatVector.fromArray(S, c, ci + 3 * ldc), c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + L);
        for (int p = 0; p < kc; p++) {
            int bi = b0 + p * NR, ai = a0 + p * 4;
            FloatVector b0v = FloatVector.fromArray(S, bp, bi);
            FloatVector b1v = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0v, c00);
            c01 = x.fma(b1v, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0v, c10);
            c11 = x.fma(b1v, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0v, c20);
            c21 = x.fma(b1v, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0v, c30);
            c31 = x.fma(b1v, c31);
        }
        VectorConstants.ZERO.blend(c00, VectorConstants.EVERY_LANE).intoArray(c, ci);
        VectorConstants.ZERO.blend(c01, VectorConstants.EVERY_LANE).intoArray(c, ci + L);
        VectorConstants.ZERO.blend(c10, VectorConstants.EVERY_LANE).intoArray(c, ci + ldc);
        VectorConstants.ZERO.blend(c11, VectorConstants.EVERY_LANE).intoArray(c, ci + ldc + L);
        VectorConstants.ZERO.blend(c20, VectorConstants.EVERY_LANE).intoArray(c, ci + 2 * ldc);
        VectorConstants.ZERO.blend(c21, VectorConstants.EVERY_LANE).intoArray(c, ci + 2 * ldc + L);
        VectorConstants.ZERO.blend(c30, VectorConstants.EVERY_LANE).intoArray(c, ci + 3 * ldc);
        VectorConstants.ZERO.blend(c31, VectorConstants.EVERY_LANE).intoArray(c, ci + 3 * ldc + L);
        if (scale != 1f) {
            scale(c, ci, ldc, 4, scale);
        }
    }

    /**
     * alpha·C over a tile just stored, while it is in L1. Not on the registers before the store: 16 more lanewise
     * operations in kernel8's compiled code put it at risk of C2 running out of class-check traps on JDK 17 (see
     * VectorGemm.reluTile). The same multiplication, so the same bits.
     */
    private static void scale(float[] c, int ci, int ldc, int rows, float scale) {
        for (int r = 0; r < rows; r++) {
            int cr = ci + r * ldc;
            FloatVector.fromArray(S, c, cr).mul(scale).intoArray(c, cr);
            FloatVector.fromArray(S, c, cr + L).mul(scale).intoArray(c, cr + L);
        }
    }

    private static void zero(float[] c, int ci, int ldc, int rows) {
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(c, ci + r * ldc, ci + r * ldc + NR, 0f);
        }
    }


}
