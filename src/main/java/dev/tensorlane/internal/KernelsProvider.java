package dev.tensorlane.internal;

import dev.tensorlane.internal.scalar.ScalarKernels;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the backend once, at first use, and logs the choice once at INFO.
 *
 * <p>The vector backend is loaded reflectively so that this class links even on a JVM where
 * {@code jdk.incubator.vector} is absent: the scalar backend must never depend on a class that might not load.
 * Order of checks: the {@value #BACKEND_PROPERTY} switch, the module in the boot layer, a JIT that compiles the
 * Vector API into SIMD code (C2), then the species itself (at least 128 bits).
 */
public final class KernelsProvider {
    /** {@code auto} (default), {@code vector} (fail if SIMD is unusable) or {@code scalar}. */
    public static final String BACKEND_PROPERTY = "tensorlane.backend";
    /** Forces a narrower species: 128, 256 or 512, at most the CPU's preferred size. */
    public static final String BITS_PROPERTY = "tensorlane.vectorBits";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNELS = "dev.tensorlane.internal.vector.VectorKernels";
    private static final System.Logger LOG = System.getLogger("dev.tensorlane");

    private KernelsProvider() {}

    /** The active backend. */
    public static Kernels get() {
        return Holder.INSTANCE;
    }

    /** The scalar backend, whatever is active (for differential tests and benchmarks). */
    public static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** The vector backend if this JVM can run it, else empty (for differential tests and benchmarks). */
    public static Optional<Kernels> vector() {
        if (vectorUnavailableReason() != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(loadVector());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final class Holder {
        static final Kernels INSTANCE = select();
    }

    private static Kernels select() {
        String mode = System.getProperty(BACKEND_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("vector") && !mode.equals("scalar")) {
            throw new IllegalArgumentException("-D" + BACKEND_PROPERTY + "=" + mode
                    + " is not one of auto, vector, scalar");
        }
        if (mode.equals("scalar")) {
            LOG.log(Level.INFO, "Tensorlane: scalar backend (forced by -D" + BACKEND_PROPERTY + "=scalar)");
            return ScalarKernels.INSTANCE;
        }
        String whyNot = vectorUnavailableReason();
        if (whyNot == null) {
            try {
                Kernels vector = loadVector();
                LOG.log(Level.INFO, "Tensorlane: Vector API backend, " + vector.vectorBitSize() + "-bit vectors ("
                        + vector.vectorBitSize() / Float.SIZE + " floats)");
                return vector;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                whyNot = "the Vector API failed to initialize (" + e + ")";
            }
        }
        if (mode.equals("vector")) {
            throw new IllegalStateException("-D" + BACKEND_PROPERTY + "=vector was requested but " + whyNot);
        }
        LOG.log(Level.INFO, "Tensorlane: scalar backend, because " + whyNot);
        return ScalarKernels.INSTANCE;
    }

    private static Kernels loadVector() throws ReflectiveOperationException {
        Class<?> type = Class.forName(VECTOR_KERNELS, true, KernelsProvider.class.getClassLoader());
        Kernels kernels = (Kernels) type.getDeclaredConstructor().newInstance();
        if (kernels.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("the preferred vector size is " + kernels.vectorBitSize()
                    + " bits, below the 128 bits the kernels need");
        }
        return kernels;
    }

    /** Null when the vector backend may be tried, else the reason it may not, with the fix where there is one. */
    private static String vectorUnavailableReason() {
        Optional<Module> vectorModule = ModuleLayer.boot().findModule(VECTOR_MODULE);
        if (vectorModule.isEmpty()) {
            return VECTOR_MODULE + " is not enabled; start the JVM with --add-modules " + VECTOR_MODULE
                    + " to use SIMD";
        }
        KernelsProvider.class.getModule().addReads(vectorModule.get());
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            return "the JVM runs interpreted only (-Xint), where the Vector API is slower than scalar code";
        }
        if (vmInfo.contains("emulated-client")) {
            return "the JVM emulates a client VM, without the C2 compiler that turns the Vector API into SIMD";
        }
        String c2 = CompilerCheck.whyNoC2();
        return c2;
    }

    /** Reads HotSpot flags when java.management is present; kept apart so a missing module cannot break linking. */
    private static final class CompilerCheck {
        static String whyNoC2() {
            try {
                var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.HotSpotDiagnosticMXBean.class);
                if (bean == null) {
                    return null;
                }
                boolean tiered = Boolean.parseBoolean(bean.getVMOption("TieredCompilation").getValue());
                int stopAt = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
                if (tiered && stopAt < 4) {
                    return "C2 is off (-XX:TieredStopAtLevel=" + stopAt + "), and the Vector API needs it for SIMD";
                }
                return null;
            } catch (LinkageError | RuntimeException e) {
                return null; // java.management/jdk.management not resolved: nothing to learn, assume C2 is on
            }
        }
    }
}
