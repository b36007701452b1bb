package dev.tensorlane.internal;

/**
 * The numbers behind Tensorlane's {@code expf}, shared by the scalar and the vector backend so that both
 * compute the same function.
 *
 * <pre>
 *   exp(x) = 2^n · e^r      n = round(x·log2(e)),  r = x − n·ln2,  |r| ≤ ln2/2
 *
 *   round without a rounding instruction: add SHIFT = 1.5·2^23, and the FPU rounds x·log2(e) to an integer
 *   that lands in the low mantissa bits of z:
 *
 *      z = x·log2(e) + 1.5·2^23     bits(z) = 0 10010110 1000…0 + n      (n two's complement, |n| < 2^22)
 *      n = z − 1.5·2^23            exact
 *
 *   build 2^n without a conversion instruction: shifting bits(z) left by 23 drops the exponent of z and moves
 *   n into the exponent field; adding the bits of 1.0f adds the bias 127:
 *
 *      bits(2^n) = (bits(z) << 23) + 0x3f800000            valid for −126 ≤ n ≤ 127
 * </pre>
 *
 * The reduction is Cody–Waite with two constants ({@code LN2_HI} has 9 significant bits, so {@code n·LN2_HI} is
 * exact for |n| ≤ 2^14). Then
 *
 *   e^r = 1 + r + r²·q(r),    q(r) = Q0 + Q1·r + Q2·r² + Q3·r³ + Q4·r⁴
 *
 * with Q0..Q4 a weighted least-squares (near-minimax) fit of (e^r − 1 − r)/r² on [−ln2/2, ln2/2], made for this
 * project in double (0.06 ulp of approximation error before rounding the coefficients to float), one term
 * shorter than the Taylor-like Cephes polynomial for the same accuracy. The result is assembled as
 * {@code 2^n + 2^n·(r + r²·q)}, one FMA. Measured against {@code Math.exp} in double (ExpTest), the result is
 * within 2 ulp wherever it is a normal float.
 */
public final class ExpConstants {
    private ExpConstants() {}

    public static final float LOG2E = 1.44269504088896341f;
    public static final float SHIFT = 0x1.8p23f;
    public static final float LN2_HI = 0.693359375f;
    public static final float LN2_LO = -2.12194440e-4f;

    public static final float Q0 = 0x1.fffffcp-2f;
    public static final float Q1 = 0x1.555482p-3f;
    public static final float Q2 = 0x1.55593cp-5f;
    public static final float Q3 = 0x1.1245bap-7f;
    public static final float Q4 = 0x1.6a103ap-10f;

    /** Bits of 1.0f: added to {@code n << 23} it gives 2^n. */
    public static final int ONE_BITS = 0x3f800000;
    /** Bits of 0.5f: added to {@code n << 23} it gives 2^(n−1), for the lanes where 2^n itself would overflow. */
    public static final int HALF_BITS = 0x3f000000;

    /**
     * Below this (≈ ln of the smallest normal float) the result is under {@link Float#MIN_NORMAL}: flushed to +0.
     * Also where n would be −127 or less, which the exponent trick cannot build.
     */
    public static final float UNDERFLOW = -87.33654f;
    /** Where |x| ≤ this, no lane needs the special cases (one compare on |x| decides for a whole vector). */
    public static final float FAST_ABS = 87.33654f;
    /** Up to here n ≤ 127 and 2^n is built directly. */
    public static final float FAST_MAX = 88.3f;
    /** Above this e^x > Float.MAX_VALUE for certain: +Infinity. Between FAST_MAX and here, 2·2^(n−1) is used. */
    public static final float OVERFLOW = 88.8f;
}
