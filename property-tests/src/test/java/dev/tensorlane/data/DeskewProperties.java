package dev.tensorlane.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class DeskewProperties {

    private static final int SIDE = 28;
    private static final float BG = Mnist.BACKGROUND;

    /** Ink in [−1, 1] on about a third of the pixels of the square [lo, hi)², background elsewhere. */
    private static float[] blob(long seed, int lo, int hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] image = new float[SIDE * SIDE];
        Arrays.fill(image, BG);
        for (int y = lo; y < hi; y++) {
            for (int x = lo; x < hi; x++) {
                if (r.nextInt(3) == 0) {
                    image[y * SIDE + x] = (float) r.nextDouble(-1, 1);
                }
            }
        }
        return image;
    }

    private static float[] deskew(float[] image) {
        float[] out = new float[image.length];
        Deskew.deskew(1, SIDE, BG, image, out);
        return out;
    }

    /** cov(x, y) / var(y) with the ink above the background as weight, in double. */
    private static double skew(float[] image) {
        double total = 0, sx = 0, sy = 0;
        for (int i = 0; i < image.length; i++) {
            double w = image[i] - BG;
            total += w;
            sx += w * (i % SIDE);
            sy += w * (i / SIDE);
        }
        double mx = sx / total, my = sy / total, vy = 0, cxy = 0;
        for (int i = 0; i < image.length; i++) {
            double w = image[i] - BG, dy = i / SIDE - my;
            vy += w * dy * dy;
            cxy += w * (i % SIDE - mx) * dy;
        }
        return cxy / vy;
    }

    @Property
    void deskewedPixelsStayWithinTheRangeOfTheInputAndTheBackground(@ForAll long seed) {
        float[] image = blob(seed, 0, SIDE);
        float lo = BG, hi = BG;
        for (float v : image) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (float v : deskew(image)) {
            assertTrue(v >= lo - 1e-6f && v <= hi + 1e-6f, v + " outside [" + lo + ", " + hi + "]");
        }
    }

    /** The centroid is moved to the centre, so where the ink lies does not matter while it stays in the image. */
    @Property
    void deskewingIsBlindToWholePixelShifts(@ForAll long seed, @ForAll @IntRange(min = -5, max = 5) int dx,
                                            @ForAll @IntRange(min = -5, max = 5) int dy) {
        float[] image = blob(seed, 8, 20);
        float[] shifted = new float[image.length];
        Arrays.fill(shifted, BG);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sx = x + dx, sy = y + dy;
                if (sx >= 0 && sx < SIDE && sy >= 0 && sy < SIDE) {
                    shifted[sy * SIDE + sx] = image[y * SIDE + x];
                }
            }
        }
        float[] a = deskew(image), b = deskew(shifted);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4f, "pixel " + i);
        }
    }

    /** A straight stroke at any lean comes out with almost none: what bilinear resampling leaves. */
    @Property
    void aLeaningStrokeLosesItsLean(@ForAll @DoubleRange(min = -0.6, max = 0.6) double lean,
                                    @ForAll @IntRange(min = 1, max = 3) int width,
                                    @ForAll @IntRange(min = 10, max = 20) int height) {
        float[] image = new float[SIDE * SIDE];
        Arrays.fill(image, BG);
        int top = (SIDE - height) / 2;
        for (int y = top; y < top + height; y++) {
            int x0 = (int) Math.round(13 + lean * (y - 13.5));
            for (int x = x0; x < x0 + width; x++) {
                image[y * SIDE + x] = 1f;
            }
        }
        double after = skew(deskew(image));
        assertTrue(Math.abs(after) <= 0.05, "lean " + lean + " → skew " + skew(image) + " → " + after);
    }
}
