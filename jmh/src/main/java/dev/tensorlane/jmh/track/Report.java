package dev.tensorlane.jmh.track;

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

/** The comparison as a text table, a Markdown report and a PNG bar chart (Java2D, no plotting library). */
public final class Report {
    private Report() {}

    private static String score(Result r) {
        if (r == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g ± %.2g %s", r.score(), r.error(), r.unit());
    }

    private static String ratio(Comparison.Row row) {
        return Double.isNaN(row.speedup()) ? "-" : String.format(Locale.ROOT, "%.3f", row.speedup());
    }

    public static String text(Comparison c) {
        int width = Math.max(9, c.rows().stream().mapToInt(r -> r.key().length()).max().orElse(9));
        StringBuilder s = new StringBuilder();
        String format = "%-" + width + "s  %-26s  %-26s  %7s  %s%n";
        s.append(String.format(Locale.ROOT, format, "benchmark", "baseline", "now", "speedup", "verdict"));
        for (Comparison.Row row : c.rows()) {
            s.append(String.format(Locale.ROOT, format, row.key(), score(row.baseline()), score(row.now()), ratio(row),
                    row.verdict()));
        }
        return s.toString();
    }

    public static String markdown(Comparison c, String baselineMachine, String nowMachine, double threshold) {
        StringBuilder s = new StringBuilder("# Benchmark comparison\n\n");
        s.append("- baseline: ").append(baselineMachine).append('\n');
        s.append("- now: ").append(nowMachine).append('\n');
        s.append(String.format(Locale.ROOT, "- a change counts when it exceeds both runs' error intervals and %.0f%%%n",
                threshold * 100));
        long slower = c.rows().stream().filter(r -> r.verdict() == Comparison.Verdict.SLOWER).count();
        s.append("- regressions: ").append(slower).append("\n\n");
        s.append("| benchmark | baseline | now | speedup | verdict |\n|---|---|---|---|---|\n");
        for (Comparison.Row row : c.rows()) {
            s.append("| ").append(row.key()).append(" | ").append(score(row.baseline())).append(" | ")
                    .append(score(row.now())).append(" | ").append(ratio(row)).append(" | ")
                    .append(row.verdict() == Comparison.Verdict.SLOWER ? "**SLOWER**" : row.verdict().toString())
                    .append(" |\n");
        }
        return s.toString();
    }

    /** One bar per benchmark: now relative to baseline (1.0 = unchanged), red when slower, green when faster. */
    public static void chart(Comparison c, Path file) throws IOException {
        List<Comparison.Row> rows = c.rows().stream().filter(r -> !Double.isNaN(r.speedup())).toList();
        int rowHeight = 22, left = 420, right = 80, top = 50;
        int width = 1000, height = top + Math.max(1, rows.size()) * rowHeight + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("now relative to baseline (speedup; 1.0 = unchanged)", 20, 25);
        double max = Math.max(2.0, rows.stream().mapToDouble(Comparison.Row::speedup).max().orElse(1));
        int plot = width - left - right;
        int one = left + (int) (plot / max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < rows.size(); i++) {
            Comparison.Row row = rows.get(i);
            int y = top + i * rowHeight;
            g.setColor(Color.DARK_GRAY);
            String label = row.key().length() > 62 ? row.key().substring(0, 60) + "…" : row.key();
            g.drawString(label, 10, y + 14);
            g.setColor(switch (row.verdict()) {
                case SLOWER -> new Color(0xd62728);
                case FASTER -> new Color(0x2ca02c);
                default -> new Color(0x7f7f7f);
            });
            int w = (int) (plot * Math.min(row.speedup(), max) / max);
            g.fillRect(left, y + 3, Math.max(1, w), rowHeight - 8);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", row.speedup()), left + w + 5, y + 14);
        }
        g.setColor(Color.BLACK);
        g.drawLine(one, top - 5, one, height - 30);
        g.drawString("1.0", one - 8, height - 15);
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ImageIO.write(image, "png", file.toFile());
    }
}
