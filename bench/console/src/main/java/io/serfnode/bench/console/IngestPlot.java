package io.serfnode.bench.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * The ingest run as a picture, drawn with JavaFX itself: every FX pulse's duration over the run with the 50 ms goal
 * (top), and the events the view model applied in each second against the rate sent (bottom). FX thread only.
 */
final class IngestPlot {
    private static final double W = 1200;
    private static final double H = 700;
    private static final double LEFT = 80;
    private static final double RIGHT = 1160;
    private static final Color PULSE = Color.web("#0072B2");
    private static final Color RATE = Color.web("#009E73");
    private static final Color GOAL = Color.web("#D55E00");

    private IngestPlot() {
    }

    static void write(IngestResult r, String title, Path file) throws IOException {
        Canvas canvas = new Canvas(W, H);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFill(Color.BLACK);
        g.setFont(Font.font("System", 16));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 20, 12);
        double seconds = Math.max(1, (r.caughtUp() - r.floodStart()) / 1e9);
        pulses(g, r, seconds, 60, 340);
        rates(g, r, seconds, 420, 650);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(canvas.snapshot(null, null), null), "png", file.toFile());
    }

    private static void pulses(GraphicsContext g, IngestResult r, double seconds, double top, double bottom) {
        double[] work = r.pulses().workMillis();
        double maxMs = 60;
        for (double ms : work) {
            maxMs = Math.max(maxMs, Math.min(250, ms * 1.1));
        }
        frame(g, top, bottom, seconds, maxMs, "FX pulse duration (ms) over the run (s)", "%.0f");
        dashed(g, top, bottom, maxMs, 50, "50 ms goal");
        g.setFill(PULSE);
        for (int i = 0; i < work.length; i++) {
            double t = (r.pulses().starts()[i] - r.floodStart()) / 1e9;
            double x = LEFT + t / seconds * (RIGHT - LEFT);
            double y = bottom - Math.min(work[i], maxMs) / maxMs * (bottom - top);
            g.fillRect(x - 1, y - 1, 2.5, 2.5);
        }
    }

    private static void rates(GraphicsContext g, IngestResult r, double seconds, double top, double bottom) {
        long[] rate = r.ratePerSecond();
        double max = r.settings().eventsPerSecond() * 1.5;
        for (long v : rate) {
            max = Math.max(max, v * 1.1);
        }
        frame(g, top, bottom, seconds, max, "view model: seq advance per second (events applied when none were lost), and the rate sent", "%,.0f");
        g.setFill(RATE);
        double w = (RIGHT - LEFT) / seconds;
        for (int s = 0; s < rate.length; s++) {
            double h = rate[s] / max * (bottom - top);
            g.fillRect(LEFT + s * w + 2, bottom - h, Math.max(1, w - 4), h);
        }
        dashed(g, top, bottom, max, r.settings().eventsPerSecond(),
                String.format("%,.0f/s sent", r.settings().eventsPerSecond()));
    }

    private static void frame(GraphicsContext g, double top, double bottom, double seconds, double max, String label,
                              String tickFormat) {
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeLine(LEFT, bottom, RIGHT, bottom);
        g.strokeLine(LEFT, top, LEFT, bottom);
        g.setFill(Color.BLACK);
        g.setFont(Font.font("System", 12));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = bottom - v / max * (bottom - top);
            g.fillText(String.format(tickFormat, v), LEFT - 6, y);
            g.setStroke(Color.gray(0.9));
            g.strokeLine(LEFT + 1, y, RIGHT, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int step = seconds > 40 ? 10 : 5;
        for (int s = 0; s <= seconds; s += step) {
            g.fillText(Integer.toString(s), LEFT + s / seconds * (RIGHT - LEFT), bottom + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(Font.font("System", 14));
        g.fillText(label, LEFT, top - 4);
    }

    private static void dashed(GraphicsContext g, double top, double bottom, double max, double value, String label) {
        double y = bottom - value / max * (bottom - top);
        g.setStroke(GOAL);
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        g.strokeLine(LEFT, y, RIGHT, y);
        g.setLineDashes();
        g.setFill(GOAL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(Font.font("System", 12));
        g.fillText(label, RIGHT, y - 2);
    }
}
