package dev.tensorlane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The build runs the suite once per backend (see pom.xml) and says which one each run expects: a run that
 * silently fell back to scalar, or picked the wrong species, fails here.
 */
class BackendSelectionTest {

    @Test
    void activeBackendIsTheOneThisRunExpects() {
        String expected = System.getProperty("tensorlane.test.expectBackend");
        assumeTrue(expected != null, "no backend expectation set for this run");
        assertEquals(expected, Tensorlane.backend(), "active backend: " + Tensorlane.describe());
    }

    @Test
    void vectorSizeIsTheOneThisRunExpects() {
        String bits = System.getProperty("tensorlane.test.expectBits");
        assumeTrue(bits != null, "no vector size expectation set for this run");
        assertEquals(Integer.parseInt(bits), Tensorlane.vectorBitSize(), Tensorlane.describe());
    }

    @Test
    void scalarBackendReportsNoVectorSize() {
        assumeTrue(Tensorlane.backend().equals("scalar"));
        assertEquals(0, Tensorlane.vectorBitSize());
        assertEquals("scalar", Tensorlane.describe());
    }
}
