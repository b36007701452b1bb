package dev.tensorlane.internal;

/**
 * Where a {@code float[]} lies relative to 64-byte cache lines, where HotSpot's flags pin it down: the GEMM packs B's
 * panels at {@link #lineStart()} of a buffer from {@link #floats}, so that the tiles' 512-bit loads of a panel row each
 * stay within one cache line instead of straddling two. On Intel AVX-512 (a 2-core Xeon VM) the six-row tile ran
 * about 10% faster over lines it did not straddle, and whole products 1.07–1.16× (see VectorGemm's PANEL_SHIFT).
 *
 * <p>Java does not say where an array lies, but HotSpot fixes it in two cases. With {@code
 * -XX:ObjectAlignmentInBytes=64} (or 128, 256) every object starts on a line. With G1, the default collector, an
 * object larger than half a heap region is "humongous" and starts at the start of a region, which is a line; G1
 * moves such an object only to the start of another region. In both, a {@code float[]}'s elements start 16 bytes
 * past the object (mark word, compressed class pointer and length) unless class pointers are not compressed or
 * object headers are compact; then nothing is assumed. Anywhere else the buffers are ordinary arrays, the panels
 * lie wherever they fall, as before, and only the speed differs: never a result.
 */
public final class HeapLayout {
    private HeapLayout() {}

    /** Bytes from an array object's start to its first float: 16 where known, else -1. */
    private static final int BASE;
    /** Whether every object starts on a 64-byte boundary (ObjectAlignmentInBytes of 64 or more). */
    private static final boolean LINE_ALIGNED_OBJECTS;
    /** The shortest float[] that G1 allocates as a humongous object, or 0 without G1 or where unknown. */
    private static final long HUMONGOUS_FLOATS;
    /** Above this many floats, a buffer is rounded up to a humongous one only if that at most doubles it. */
    private static final int FREE_ROUNDING = 1 << 20;

    static {
        String[] flags = Flags.read("UseCompressedClassPointers", "UseCompactObjectHeaders", "ObjectAlignmentInBytes",
                "UseG1GC", "G1HeapRegionSize");
        boolean known = "true".equals(flags[0]) && !"true".equals(flags[1]);
        BASE = known ? 16 : -1;
        LINE_ALIGNED_OBJECTS = known && parse(flags[2]) % 64 == 0 && parse(flags[2]) > 0;
        long region = "true".equals(flags[3]) ? parse(flags[4]) : 0;
        // Humongous: more than half a region, header included.
        HUMONGOUS_FLOATS = known && region > 0 ? region / 8 + 16 : 0;
    }

    /**
     * The index of the first element on a 64-byte boundary in an array from {@link #floats}, where that is known:
     * 12 (48 bytes past the 16-byte header); 0 where it is not.
     */
    public static int lineStart() {
        return BASE < 0 ? 0 : (64 - BASE) / Float.BYTES;
    }

    /**
     * A new zeroed array of at least {@code n} + {@link #lineStart()} floats that starts on a cache line where
     * {@link #aligns} says so for its length: with 64-byte object alignment always; with G1 when it is humongous, so
     * it is made that long where that costs at most 4 MiB or at most doubles it.
     */
    public static float[] floats(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + ": expected 0 or more");
        }
        long length = (long) n + lineStart();
        if (!LINE_ALIGNED_OBJECTS && HUMONGOUS_FLOATS > length
                && (HUMONGOUS_FLOATS <= FREE_ROUNDING || HUMONGOUS_FLOATS <= 2 * length)) {
            length = HUMONGOUS_FLOATS;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n = " + n + ": too many floats for one array");
        }
        return new float[(int) length];
    }

    /**
     * Whether a float[] of {@code length} elements (as {@link #floats} made it) starts on a 64-byte boundary: what
     * the tests check the flags' reading against, in JVMs started with each collector.
     */
    static boolean aligns(int length) {
        return BASE >= 0 && (LINE_ALIGNED_OBJECTS || HUMONGOUS_FLOATS > 0 && length >= HUMONGOUS_FLOATS);
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reads HotSpot flags when jdk.management is present; kept apart so a missing module cannot break linking. */
    private static final class Flags {
        static String[] read(String... names) {
            String[] values = new String[names.length];
            try {
                var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.HotSpotDiagnosticMXBean.class);
                for (int i = 0; bean != null && i < names.length; i++) {
                    try {
                        values[i] = bean.getVMOption(names[i]).getValue();
                    } catch (IllegalArgumentException e) {
                        values[i] = null; // not a flag of this JVM (UseCompactObjectHeaders before JDK 24)
                    }
                }
            } catch (LinkageError | RuntimeException e) {
                // java.management/jdk.management not resolved, or not HotSpot: nothing is assumed.
            }
            return values;
        }
    }
}
