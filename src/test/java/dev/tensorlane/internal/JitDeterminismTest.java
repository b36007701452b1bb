package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Gemm;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A result must not depend on whether the JIT has compiled the kernel yet: the Vector API's Java fallback (which
 * runs before C2 compiles a method) and C2's intrinsics must add in the same order. The library's classes are
 * loaded afresh in their own class loader, so the first call runs uncompiled even when other tests have warmed up
 * the shared copies; then the same call is repeated until C2 has compiled it, and every result is compared bit for
 * bit with the first. This is what fails if a kernel leans on an operation whose order the JIT may change, such
 * as {@code reduceLanes(ADD)} on JDK 25.
 */
class JitDeterminismTest {

    @Test
    void productsGiveTheSameBitsBeforeAndAfterTheJitCompilesThem() throws Exception {
        URL classes = Gemm.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Method gemm = fresh.loadClass("dev.tensorlane.Gemm").getMethod("gemm", boolean.class, boolean.class,
                    int.class, int.class, int.class, float.class, float[].class, int.class, int.class, float[].class,
                    int.class, int.class, float.class, float[].class, int.class, int.class);
            assertNotSame(Gemm.class, gemm.getDeclaringClass(), "the library must be loaded afresh");
            SplittableRandom random = new SplittableRandom(5);
            // X·Wᵀ deep enough for the dot-product path at every vector width, with full and partial tiles.
            int m = 7, n = 9, k = 1100;
            float[] a = new float[m * k], b = new float[n * k];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextGaussian();
            }
            float[] first = new float[m * n], again = new float[m * n];
            gemm.invoke(null, false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, first, 0, n);
            for (int call = 0; call < 4000; call++) {
                gemm.invoke(null, false, true, m, n, k, 1f, a, 0, k, b, 0, k, 0f, again, 0, n);
                for (int i = 0; i < again.length; i++) {
                    if (Float.floatToRawIntBits(again[i]) != Float.floatToRawIntBits(first[i])) {
                        fail("call " + call + ", element " + i + ": " + again[i] + " after " + first[i]
                                + " on the first call");
                    }
                }
            }
        }
    }
}
