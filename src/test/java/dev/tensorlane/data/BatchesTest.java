package dev.tensorlane.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchesTest {

    static Mnist.Dataset rows(int count) {
        float[] images = new float[count * 2];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            images[2 * i] = i;
            images[2 * i + 1] = -i;
            labels[i] = i % 10;
        }
        return new Mnist.Dataset(count, 2, images, labels, 10);
    }

    @Test
    void everyRowOnceAnEpochInASeededOrder() {
        Batches batches = new Batches(rows(10), 3, true, false, 42);
        float[] x = new float[6];
        int[] labels = new int[3];
        int[][] orders = new int[2][];
        for (int epoch = 0; epoch < 2; epoch++) {
            batches.startEpoch();
            int[] seen = new int[10];
            int k = 0, n;
            int[] order = new int[10];
            while ((n = batches.next(x, labels)) > 0) {
                for (int r = 0; r < n; r++) {
                    int row = (int) x[2 * r];
                    assertEquals(-row, x[2 * r + 1]);
                    assertEquals(row % 10, labels[r]);
                    seen[row]++;
                    order[k++] = row;
                }
            }
            assertEquals(10, k);
            int[] ones = new int[10];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, seen);
            orders[epoch] = order;
        }
        assertFalse(Arrays.equals(orders[0], orders[1]), "reshuffled each epoch");
        Batches again = new Batches(rows(10), 3, true, false, 42);
        again.startEpoch();
        again.next(x, labels);
        assertEquals(orders[0][0], (int) x[0], "same seed, same order");
    }

    @Test
    void dropLastSkipsTheShortBatch() {
        Batches batches = new Batches(rows(10), 4, false, true, 0);
        assertEquals(2, batches.batchesPerEpoch());
        batches.startEpoch();
        float[] x = new float[8];
        int[] labels = new int[4];
        assertEquals(4, batches.next(x, labels));
        assertEquals(4, batches.next(x, labels));
        assertEquals(0, batches.next(x, labels));
        Batches keep = new Batches(rows(10), 4, false, false, 0);
        assertEquals(3, keep.batchesPerEpoch());
    }

    @Test
    void badBatchSizesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Batches(rows(5), 0, true, false, 0));
        assertTrue(e.getMessage().contains("batch size 0"));
        e = assertThrows(IllegalArgumentException.class, () -> new Batches(rows(5), 6, true, false, 0));
        assertTrue(e.getMessage().contains("larger than the data (5 rows)"));
    }
}
