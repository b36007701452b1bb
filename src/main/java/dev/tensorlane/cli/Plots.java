package dev.tensorlane.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** PNG charts drawn with Java2D and written with javax.imageio: no plotting library. */
final class Plots {
    private Plots() {}

    private static final int W = 720, H = 420, LEFT = 70, RIGHT = 20, TOP = 40, BOTTOM = 50;

    /** Loss and accuracy per epoch: train loss, test loss (left axis), test accuracy (right axis). */
    static void history(Path file, List<double[]> epochs) throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "loss and test accuracy per epoch");
        int n = epochs.size();
        double maxLoss = 0;
        for (double[] e : epochs) {
            maxLoss = Math.max(maxLoss, Math.max(e[0], e[1]));
        }
        maxLoss = maxLoss <= 0 ? 1 : maxLoss * 1.1;
        axes(g, n, maxLoss);
        series(g, epochs, 0, maxLoss, new Color(0x1f77b4), "train loss", 0);
        series(g, epochs, 1, maxLoss, new Color(0xff7f0e), "test loss", 1);
        series(g, epochs, 2, 1.0, new Color(0x2ca02c), "test accuracy (0..1)", 2);
        g.dispose();
        write(image, file);
    }

    /** The confusion matrix as a heat map, counts in each cell. */
    static void confusion(Path file, int[][] confusion) throws IOException {
        int classes = confusion.length, cell = 40, margin = 60;
        int size = margin + classes * cell + 20;
        BufferedImage image = new BufferedImage(size, size + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, "confusion matrix (rows actual, columns predicted)");
        int max = 1;
        for (int[] row : confusion) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int a = 0; a < classes; a++) {
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(a), margin - 15, margin + a * cell + cell / 2 + 4);
            g.drawString(Integer.toString(a), margin + a * cell + cell / 2 - 3, margin - 8);
            for (int p = 0; p < classes; p++) {
                double t = Math.sqrt((double) confusion[a][p] / max);
                g.setColor(new Color((int) (255 - 200 * t), (int) (255 - 140 * t), 255));
                g.fillRect(margin + p * cell, margin + a * cell, cell, cell);
                g.setColor(t > 0.6 ? Color.WHITE : Color.BLACK);
                String s = Integer.toString(confusion[a][p]);
                g.drawString(s, margin + p * cell + (cell - g.getFontMetrics().stringWidth(s)) / 2,
                        margin + a * cell + cell / 2 + 4);
            }
        }
        g.dispose();
        write(image, file);
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 20, 22);
        return g;
    }

    private static int x(int i, int n) {
        return LEFT + (n <= 1 ? 0 : i * (W - LEFT - RIGHT) / (n - 1));
    }

    private static int y(double v, double max) {
        return H - BOTTOM - (int) Math.round(v / max * (H - TOP - BOTTOM));
    }

    private static void axes(Graphics2D g, int n, double maxLoss) {
        g.setColor(Color.GRAY);
        g.drawLine(LEFT, TOP, LEFT, H - BOTTOM);
        g.drawLine(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < n; i++) {
            g.drawString(Integer.toString(i + 1), x(i, n) - 3, H - BOTTOM + 15);
        }
        g.drawString("epoch", (W - LEFT) / 2 + LEFT - 15, H - 15);
        for (int t = 0; t <= 4; t++) {
            double v = maxLoss * t / 4;
            g.drawString(String.format(Locale.ROOT, "%.2f", v), 15, y(v, maxLoss) + 4);
        }
    }

    private static void series(Graphics2D g, List<double[]> epochs, int column, double max, Color color, String label,
                               int legendRow) {
        int n = epochs.size();
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < n; i++) {
            int px = x(i, n), py = y(epochs.get(i)[column], max);
            g.fillOval(px - 3, py - 3, 6, 6);
            if (i > 0) {
                g.drawLine(x(i - 1, n), y(epochs.get(i - 1)[column], max), px, py);
            }
        }
        g.drawString(label, W - RIGHT - 170, TOP + 15 + legendRow * 16);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available");
        }
    }
}
