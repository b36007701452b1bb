package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapLayoutTest {

    private static String flag(String name) {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    }

    @Test
    void aLineStartsTwelveFloatsInWithCompressedClassPointers() {
        // The test JVMs run HotSpot with its default headers: 16 bytes before a float[]'s first element.
        assertEquals("true", flag("UseCompressedClassPointers"));
        assertEquals(12, HeapLayout.lineStart());
    }

    @Test
    void buffersHoldTheAskedFloatsPastTheLineStartAllZero() {
        for (int n : new int[] {0, 1, 1000, 1 << 18, 3 << 20}) {
            float[] f = HeapLayout.floats(n);
            assertTrue(f.length >= n + HeapLayout.lineStart(), "n = " + n + ": length " + f.length);
            for (float x : f) {
                assertEquals(0f, x);
            }
        }
    }

    @Test
    void aNegativeCountIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeapLayout.floats(-1));
        assertTrue(e.getMessage().contains("n = -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeapLayout.floats(Integer.MAX_VALUE));
    }

    @Test
    void alignmentIsClaimedOnlyWhereTheCollectorOrTheObjectAlignmentFixesIt() {
        boolean g1 = Boolean.parseBoolean(flag("UseG1GC"));
        boolean lineAligned = Long.parseLong(flag("ObjectAlignmentInBytes")) % 64 == 0;
        if (!g1 && !lineAligned) {
            for (int n : new int[] {0, 1000, 1 << 20, 3 << 20}) {
                assertFalse(HeapLayout.aligns(HeapLayout.floats(n).length), "n = " + n);
            }
        }
        if (g1) {
            // A buffer made humongous (more than half a G1 region) starts at a region's start.
            long region = Long.parseLong(flag("G1HeapRegionSize"));
            float[] f = HeapLayout.floats(1000);
            assertEquals(f.length >= region / 8, HeapLayout.aligns(f.length));
            assertTrue(HeapLayout.aligns(HeapLayout.floats((int) (region / 4)).length));
        }
    }
}
