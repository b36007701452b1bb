package dev.tensorlane.io;

/**
 * The element types Tensorlane reads from weight files (and writes to safetensors), each converted to or from
 * {@code float}: reading F16, BF16 and F32 is exact, F64 is rounded to nearest; writing F16 and BF16 rounds to
 * nearest, ties to even (F16 overflows to ±∞ at 65520 and above, as in PyTorch's {@code .half()}).
 */
public enum Dtype {
    /** IEEE 754 binary16 ({@code torch.float16}, numpy {@code f2}). */
    F16(2),
    /** bfloat16 ({@code torch.bfloat16}): the top 16 bits of a float; safetensors only. */
    BF16(2),
    /** IEEE 754 binary32 ({@code torch.float32}, numpy {@code f4}). */
    F32(4),
    /** IEEE 754 binary64 ({@code torch.float64}, numpy {@code f8}). */
    F64(8);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** IEEE binary16 bits to float; exact, including subnormals, ±∞ and NaN payloads. */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f; // subnormal or zero: exact
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Float to IEEE binary16 bits, rounded to nearest, ties to even; NaN stays a (quiet) NaN. */
    static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            int payload = abs > 0x7f800000 ? 0x200 | ((abs >>> 13) & 0x3ff) : 0;
            return (short) (sign | 0x7c00 | payload);
        }
        if (abs >= 0x477ff000) { // 65520, halfway between 65504 (largest half) and 2^16: ties to even go up
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below 2^-14: a subnormal half in units of 2^-24; scaling by 2^24 is exact
            return (short) (sign | (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f));
        }
        int half = (((abs >>> 23) - 112) << 10) | ((abs >>> 13) & 0x3ff);
        int rest = abs & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            half++; // a carry out of the mantissa correctly bumps the exponent
        }
        return (short) (sign | half);
    }

    static float bfloat16ToFloat(int b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }

    /** Float to bfloat16 bits, rounded to nearest, ties to even; NaN stays a (quiet) NaN. */
    static short floatToBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }
}
