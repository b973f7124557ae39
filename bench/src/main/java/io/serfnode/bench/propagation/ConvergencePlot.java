package io.serfnode.bench.propagation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Fraction of members that have a user event against time since it was sent: the measured mean over the cell's
 * events (solid) next to the model (dashed), one panel per cluster size of a profile.
 */
final class ConvergencePlot {
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 300;
    private static final int MARGIN_L = 52;
    private static final int MARGIN_B = 40;
    private static final int MARGIN_T = 30;
    private static final int MARGIN_R = 16;
    private static final int STEPS = 240;
    private static final Color MEASURED = new Color(0x1f77b4);
    private static final Color MODEL = new Color(0xd62728);

    private ConvergencePlot() {
    }

    static void write(String profile, List<CellResult> cells, Path file) throws IOException {
        int columns = Math.min(2, cells.size());
        int rows = (cells.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_W, rows * PANEL_H + 28, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("User event convergence, " + profile + " profile: measured (solid) vs model (dashed)", 12, 20);
        for (int i = 0; i < cells.size(); i++) {
            panel(g, cells.get(i), (i % columns) * PANEL_W, 28 + (i / columns) * PANEL_H);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, CellResult cell, int x0, int y0) {
        GossipModel model = new GossipModel(java.time.Duration.ofMillis(cell.gossipIntervalMs()), cell.fanout());
        // the axis shows the bulk (90 % of events, and the model); the slow tail is named in the title instead,
        // otherwise one event recovered 15 s later by a push/pull squeezes every curve against the axis
        Distribution toAll = Distribution.of(cell.events().stream().map(EventTrial::toAllMs).toList());
        double modelAll = model.millisToReach(cell.members(), 0.995);
        double xMax = niceCeiling(Math.min(Math.max(toAll.p90(), modelAll), 4 * modelAll) * 1.1);
        long beyond = cell.events().stream().filter(e -> e.toAllMs() > xMax).count();
        int plotW = PANEL_W - MARGIN_L - MARGIN_R;
        int plotH = PANEL_H - MARGIN_T - MARGIN_B;
        int px = x0 + MARGIN_L;
        int py = y0 + MARGIN_T;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 4; tick++) {
            int y = py + plotH - tick * plotH / 4;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(px, y, px + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", tick / 4.0), x0 + 14, y + 4);
            int x = px + tick * plotW / 4;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x, py, x, py + plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", xMax * tick / 4), x - 12, py + plotH + 15);
        }
        g.setColor(Color.BLACK);
        g.drawRect(px, py, plotW, plotH);
        g.drawString("ms after send", px + plotW / 2 - 35, py + plotH + 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(String.format(Locale.ROOT, "N = %d  (%d events, load %.1f)", cell.members(), cell.events().size(),
                cell.loadMean()), px + 4, y0 + 20);
        if (beyond > 0) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%d reached all later (%s)", beyond,
                    Double.isFinite(toAll.max()) ? String.format(Locale.ROOT, "max %.1f s", toAll.max() / 1000) : "some never"),
                    px + plotW / 2 - 10, py + plotH - 8);
        }

        Path2D measured = new Path2D.Double();
        Path2D modelled = new Path2D.Double();
        for (int step = 0; step <= STEPS; step++) {
            double t = xMax * step / STEPS;
            double fraction = cell.events().stream().mapToDouble(e -> e.fractionBy(t, cell.members())).average().orElse(0);
            double x = px + plotW * (double) step / STEPS;
            double ym = py + plotH * (1 - fraction);
            double yModel = py + plotH * (1 - model.fractionAfter(cell.members(), t));
            if (step == 0) {
                measured.moveTo(x, ym);
                modelled.moveTo(x, yModel);
            } else {
                measured.lineTo(x, ym);
                modelled.lineTo(x, yModel);
            }
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(MEASURED);
        g.draw(measured);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        g.setColor(MODEL);
        g.draw(modelled);
        g.setStroke(new BasicStroke(1f));
        legend(g, px + plotW - 130, py + plotH / 2 + 20);
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.WHITE);
        g.fillRect(x - 4, y - 12, 126, 34);
        g.setStroke(new BasicStroke(2f));
        g.setColor(MEASURED);
        g.drawLine(x, y - 4, x + 22, y - 4);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        g.setColor(MODEL);
        g.drawLine(x, y + 12, x + 22, y + 12);
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.drawString("measured (mean)", x + 28, y);
        g.drawString("model", x + 28, y + 16);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
