package dev.tensorlane.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class JitWarmupTest {

    @Test
    void takesStepsUntilStoppedThenEnds() throws Exception {
        JitWarmup warmup = JitWarmup.start("mlp", 16, 0.1f);
        for (int i = 0; i < 600 && warmup.steps() < 2; i++) {
            Thread.sleep(100);
        }
        assertTrue(warmup.steps() >= 2, "steps taken: " + warmup.steps());
        warmup.stop();
        assertTrue(warmup.awaitEnd(60_000), "the warm-up thread ended after stop()");
        int steps = warmup.steps();
        Thread.sleep(50);
        assertEquals(steps, warmup.steps(), "no step after the end");
    }

    @Test
    void aBadModelNameFailsOnTheCallersThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JitWarmup.start("resnet", 64, 0f));
        assertTrue(e.getMessage().contains("resnet"), e.getMessage());
    }
}
