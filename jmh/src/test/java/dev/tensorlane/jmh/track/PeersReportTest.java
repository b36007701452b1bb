package dev.tensorlane.jmh.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeersReportTest {

    @Test
    void countsTwoFlopsPerMultiplyAddForEveryKindOfProblem() {
        assertEquals(2.0 * 64 * 784 * 128, PeersReport.flops("linear:64x784x128"));
        assertEquals(2.0 * 10000 * 784 * 128, PeersReport.flops("xb:10000x784x128"));
        assertEquals(2.0 * 1024 * 1024 * 1024, PeersReport.flops("gemm:1024"));
        assertEquals(2.0 * 128 * 64 * 784, PeersReport.flops("tn:128x64x784"));
    }
}
