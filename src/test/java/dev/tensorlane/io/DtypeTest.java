package dev.tensorlane.io;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** F16 and BF16 conversions: exact widening, round-to-nearest-even narrowing, checked against brute force. */
class DtypeTest {

    @Test
    void everyHalfWidensExactlyAndNarrowsBackToItself() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Dtype.halfToFloat(h);
            int exponent = (h >>> 10) & 0x1f, mantissa = h & 0x3ff;
            double sign = (h & 0x8000) != 0 ? -1 : 1;
            if (exponent == 0x1f) {
                assertEquals(mantissa == 0, Float.isInfinite(f), Integer.toHexString(h));
                assertEquals(mantissa != 0, Float.isNaN(f), Integer.toHexString(h));
                if (mantissa != 0) {
                    assertTrue(Float.isNaN(Dtype.halfToFloat(Dtype.floatToHalf(f))));
                    continue;
                }
            } else {
                double exact = exponent == 0 ? sign * mantissa * 0x1p-24
                        : sign * (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
                assertEquals(exact, f, 0.0, Integer.toHexString(h));
            }
            assertEquals((short) h, Dtype.floatToHalf(f), Integer.toHexString(h));
        }
    }

    /** Nearest half to |f| by search over the ordered finite halves, ties to the even one; 0x7c00 when overflowing. */
    private static int nearestHalf(float f) {
        double a = Math.abs((double) f);
        int sign = f < 0 || (f == 0 && 1 / f < 0) ? 0x8000 : 0;
        if (a >= 65520) {
            return sign | 0x7c00;
        }
        int lo = 0, hi = 0x7bff;
        while (lo < hi) { // largest half ≤ a
            int mid = (lo + hi + 1) >>> 1;
            if (Dtype.halfToFloat(mid) <= a) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == 0x7bff) {
            return sign | (a - 65504 < 16 ? 0x7bff : 0x7c00);
        }
        double below = a - Dtype.halfToFloat(lo), above = Dtype.halfToFloat(lo + 1) - a;
        int h = below < above ? lo : above < below ? lo + 1 : (lo & 1) == 0 ? lo : lo + 1;
        return sign | h;
    }

    @Test
    void narrowingToHalfRoundsToNearestEven() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt(0x3000_0000, 0x4800_0000)) * (random.nextBoolean() ? 1 : -1);
            assertEquals(nearestHalf(f), Dtype.floatToHalf(f) & 0xffff, () -> "f=" + f);
        }
        for (int h = 0; h < 0x7bff; h++) { // every midpoint is a float, and ties go to the even neighbour
            float mid = (float) ((Dtype.halfToFloat(h) + (double) Dtype.halfToFloat(h + 1)) / 2);
            assertEquals((h & 1) == 0 ? h : h + 1, Dtype.floatToHalf(mid), "between " + h + " and " + (h + 1));
        }
        assertEquals(0x7bff, Dtype.floatToHalf(65519.996f));
        assertEquals(0x7c00, Dtype.floatToHalf(65520f));
        assertEquals((short) 0xfc00, Dtype.floatToHalf(Float.NEGATIVE_INFINITY));
        assertEquals((short) 0x8000, Dtype.floatToHalf(-0x1p-26f)); // rounds to -0
        assertEquals(1, Dtype.floatToHalf(0x1.8p-25f)); // above half the smallest subnormal
    }

    @Test
    void narrowingToHalfAgreesWithTheJdkWhereItHasOne() throws Throwable {
        MethodHandle jdk;
        try {
            jdk = MethodHandles.lookup().findStatic(Float.class, "floatToFloat16", MethodType.methodType(short.class, float.class));
        } catch (NoSuchMethodException e) {
            return; // JDK 17: the brute-force test above is the check
        }
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 1_000_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f)) {
                assertEquals((short) jdk.invokeExact(f), Dtype.floatToHalf(f), "f=" + f);
            }
        }
    }

    @Test
    void bfloat16WidensExactlyAndNarrowsToNearestEven() {
        for (int b = 0; b < 1 << 16; b++) {
            float f = Dtype.bfloat16ToFloat(b);
            assertEquals(b << 16, Float.floatToRawIntBits(f));
            if (!Float.isNaN(f)) {
                assertEquals((short) b, Dtype.floatToBfloat16(f));
            } else {
                assertTrue(Float.isNaN(Dtype.bfloat16ToFloat(Dtype.floatToBfloat16(f))));
            }
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 300_000; i++) {
            int bits = random.nextInt();
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f)) {
                continue;
            }
            int down = bits >>> 16, up = down + 1;
            double below = Math.abs(f - (double) Dtype.bfloat16ToFloat(down));
            double above = Math.abs(Dtype.bfloat16ToFloat(up) - (double) f);
            if (Float.isInfinite(Dtype.bfloat16ToFloat(up)) && !Float.isInfinite(f)) {
                above = Math.abs(0x1p128 - Math.abs((double) f)); // rounding past the largest finite goes to ∞
            }
            int expected = below < above ? down : above < below ? up : (down & 1) == 0 ? down : up;
            assertEquals((short) expected, Dtype.floatToBfloat16(f), () -> "f=" + f);
        }
    }
}
