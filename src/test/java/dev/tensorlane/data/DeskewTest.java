package dev.tensorlane.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeskewTest {

    private static final int SIDE = 28;
    private static final float BG = Mnist.BACKGROUND;

    private static float[] blank() {
        float[] image = new float[SIDE * SIDE];
        Arrays.fill(image, BG);
        return image;
    }

    /** Centroid x, centroid y and skew cov(x, y)/var(y), in double, with intensity above the background as weight. */
    private static double[] moments(float[] image) {
        double total = 0, sx = 0, sy = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double w = image[y * SIDE + x] - BG;
                total += w;
                sx += w * x;
                sy += w * y;
            }
        }
        double mx = sx / total, my = sy / total, vy = 0, cxy = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double w = image[y * SIDE + x] - BG;
                vy += w * (y - my) * (y - my);
                cxy += w * (x - mx) * (y - my);
            }
        }
        return new double[] {mx, my, cxy / vy};
    }

    private static float[] deskew(float[] image) {
        float[] out = new float[image.length];
        Deskew.deskew(1, SIDE, BG, image, out);
        return out;
    }

    @Test
    void anUprightCentredStrokeIsLeftExactlyAsItIs() {
        float[] image = blank();
        for (int y = 5; y <= 22; y++) {
            image[y * SIDE + 13] = 1f;
            image[y * SIDE + 14] = 1f;
        }
        assertArrayEquals(image, deskew(image));
    }

    @Test
    void aShiftedUprightStrokeIsMovedBackToTheCentreExactly() {
        float[] centred = blank(), shifted = blank();
        for (int y = 5; y <= 22; y++) {
            for (int x = 12; x <= 15; x++) {
                float v = (x == 12 || x == 15) ? 0.25f : 1f;
                centred[y * SIDE + x] = v;
                shifted[(y + 3) * SIDE + x - 2] = v; // three rows down, two columns left: whole pixels
            }
        }
        assertArrayEquals(centred, deskew(shifted));
    }

    @Test
    void aLeaningStrokeComesOutUprightAndCentred() {
        float[] image = blank();
        for (int y = 4; y <= 23; y++) {
            int x = (int) Math.round(9 + 0.4 * (y - 4)); // leans 0.4 px right per row
            image[y * SIDE + x] = 1f;
            image[y * SIDE + x + 1] = 1f;
        }
        double[] before = moments(image);
        assertTrue(Math.abs(before[2]) > 0.35, "skew before " + before[2]);
        double[] after = moments(deskew(image));
        assertEquals(13.5, after[0], 0.05, "centroid x");
        assertEquals(13.5, after[1], 0.05, "centroid y");
        assertEquals(0, after[2], 0.03, "skew after");
    }

    @Test
    void aBlankImageStaysBlankAndASingleRowOnlyMoves() {
        float[] image = blank();
        assertArrayEquals(image, deskew(image));
        float[] row = blank();
        for (int x = 4; x < 24; x++) {
            row[10 * SIDE + x] = 1f;
        }
        float[] out = deskew(row);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                // centroid (13.5, 10) goes to (13.5, 13.5): between rows 13 and 14, half on each, unsheared
                float expected = (y == 13 || y == 14) && x >= 4 && x < 24 ? 0f : BG;
                assertEquals(expected, out[y * SIDE + x], 1e-6f, "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void outputsStayWithinTheInputsRangeAndImagesAreIndependent() {
        SplittableRandom r = new SplittableRandom(3);
        int count = 5;
        float[] in = new float[count * SIDE * SIDE];
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextInt(4) == 0 ? (float) r.nextDouble(-1, 1) : BG;
        }
        float[] out = new float[in.length];
        Deskew.deskew(count, SIDE, BG, in, out);
        for (float v : out) {
            assertTrue(v >= -1f - 1e-6f && v <= 1f + 1e-6f, "out of range: " + v);
        }
        for (int i = 0; i < count; i++) {
            float[] one = Arrays.copyOfRange(in, i * SIDE * SIDE, (i + 1) * SIDE * SIDE);
            assertArrayEquals(deskew(one), Arrays.copyOfRange(out, i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        float[] in = blank(), out = new float[SIDE * SIDE];
        Arrays.fill(out, 7f);
        assertThrows(IllegalArgumentException.class, () -> Deskew.deskew(2, SIDE, BG, in, out));
        assertThrows(IllegalArgumentException.class, () -> Deskew.deskew(1, 0, BG, in, out));
        assertThrows(IllegalArgumentException.class, () -> Deskew.deskew(-1, SIDE, BG, in, out));
        assertThrows(IllegalArgumentException.class, () -> Deskew.deskew(1, SIDE, BG, in, in));
        for (float v : out) {
            assertEquals(7f, v);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.DESKEW.apply(1, 780, new float[780]));
        assertTrue(e.getMessage().contains("780"), e.getMessage());
    }

    @Test
    void preprocessingNoneReturnsTheDataAsTheyAre() {
        float[] images = blank();
        images[100] = 0.5f;
        Mnist.Dataset data = new Mnist.Dataset(1, SIDE * SIDE, images, new int[] {3}, 10);
        assertSame(data, Preprocessing.NONE.apply(data));
        Mnist.Dataset deskewed = Preprocessing.DESKEW.apply(data);
        assertArrayEquals(deskew(images), deskewed.images());
        assertArrayEquals(data.labels(), deskewed.labels());
        assertEquals(0.5f, images[100], "the input is not modified");
    }
}
