package io.serfnode.bench.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * The results as a picture, drawn with JavaFX itself: frame time over the measured seconds for each scenario
 * (left), and the frame-time distribution as percentiles (right), with the goals (20 ms = 50 fps, 33 ms = 30 fps)
 * as dashed lines. Must run on the JavaFX thread.
 */
final class FrameTimePlot {
    private static final Color[] SERIES = {Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"),
            Color.web("#CC79A7")};
    private static final double W = 1200;
    private static final double H = 520;
    private static final double TOP = 50;
    private static final double BOTTOM = 460;

    private FrameTimePlot() {
    }

    static void write(List<ScenarioResult> results, String title, Path file) throws IOException {
        Canvas canvas = new Canvas(W, H);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxMs = 50;
        for (ScenarioResult r : results) {
            maxMs = Math.max(maxMs, Math.min(120, r.rendered().p99() * 1.3));
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font("System", 16));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 20, 12);
        timeline(g, results, 70, 700, maxMs);
        percentiles(g, results, 790, 1180, maxMs);
        legend(g, results, 70, BOTTOM + 32);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(canvas.snapshot(null, null), null), "png", file.toFile());
    }

    private static void timeline(GraphicsContext g, List<ScenarioResult> results, double left, double right,
                                 double maxMs) {
        double maxSeconds = 0;
        for (ScenarioResult r : results) {
            maxSeconds = Math.max(maxSeconds, r.rendered().seconds());
        }
        axes(g, left, right, maxMs, "frame time (ms) over the measured run (s)");
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int s = 0; s <= Math.ceil(maxSeconds); s += 2) {
            double x = left + (right - left) * s / Math.max(1, Math.ceil(maxSeconds));
            g.fillText(Integer.toString(s), x, BOTTOM + 4);
        }
        for (int i = 0; i < results.size(); i++) {
            double[] ms = results.get(i).rendered().frameMillis();
            g.setStroke(SERIES[i % SERIES.length]);
            g.setLineWidth(1.2);
            g.beginPath();
            double t = 0;
            for (int k = 0; k < ms.length; k++) {
                t += ms[k] / 1000;
                double x = left + (right - left) * t / Math.max(1, Math.ceil(maxSeconds));
                double y = y(Math.min(ms[k], maxMs), maxMs);
                if (k == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }

    private static void percentiles(GraphicsContext g, List<ScenarioResult> results, double left, double right,
                                    double maxMs) {
        axes(g, left, right, maxMs, "frame time (ms) by percentile");
        int[] marks = {0, 50, 90, 99, 100};
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int p : marks) {
            g.fillText("p" + p, left + (right - left) * p / 100, BOTTOM + 4);
        }
        for (int i = 0; i < results.size(); i++) {
            double[] sorted = FrameStats.sortedCopy(results.get(i).rendered().frameMillis());
            if (sorted.length == 0) {
                continue;
            }
            g.setStroke(SERIES[i % SERIES.length]);
            g.setLineWidth(2);
            g.beginPath();
            for (int p = 0; p <= 1000; p++) {
                double ms = FrameStats.nearestRank(sorted, p / 10.0);
                double x = left + (right - left) * p / 1000;
                double y = y(Math.min(ms, maxMs), maxMs);
                if (p == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }

    private static void axes(GraphicsContext g, double left, double right, double maxMs, String caption) {
        g.setStroke(Color.web("#888888"));
        g.setLineWidth(1);
        g.strokeLine(left, TOP, left, BOTTOM);
        g.strokeLine(left, BOTTOM, right, BOTTOM);
        g.setFont(Font.font("System", 12));
        g.setFill(Color.web("#333333"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int ms = 0; ms <= maxMs; ms += 10) {
            g.fillText(Integer.toString(ms), left - 6, y(ms, maxMs));
        }
        g.setLineDashes(6, 4);
        for (double goal : new double[] {20, 1000 / 30.0}) {
            g.setStroke(Color.web("#B00020", 0.7));
            g.strokeLine(left, y(goal, maxMs), right, y(goal, maxMs));
        }
        g.setLineDashes((double[]) null);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(caption + "   (dashed: 50 and 30 fps)", left, TOP - 6);
    }

    private static void legend(GraphicsContext g, List<ScenarioResult> results, double x, double y) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font("System", 13));
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult r = results.get(i);
            g.setFill(SERIES[i % SERIES.length]);
            g.fillRect(x, y - 5, 18, 10);
            g.setFill(Color.BLACK);
            String text = String.format("%s: %.1f fps, p50 %.1f ms, p99 %.1f ms", r.scenario().label(),
                    r.rendered().fps(), r.rendered().p50(), r.rendered().p99());
            g.fillText(text, x + 24, y);
            x += 24 + text.length() * 6.6 + 30;
        }
    }

    private static double y(double ms, double maxMs) {
        return BOTTOM - (BOTTOM - TOP) * ms / maxMs;
    }
}
