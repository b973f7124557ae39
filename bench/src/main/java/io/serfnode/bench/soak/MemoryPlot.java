package io.serfnode.bench.soak;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws memory over time as a PNG (Java2D, headless): one line per measure, a shared MiB axis. */
final class MemoryPlot {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private record Line(String label, Color color, ToDoubleFunction<MemorySample> value) {
    }

    private static final List<Line> LINES = List.of(
            new Line("harness JVM RSS", new Color(0xC0392B), MemorySample::rssMb),
            new Line("harness JVM heap after GC", new Color(0xE67E22), MemorySample::heapUsedMb),
            new Line("serf agents' RSS, all", new Color(0x239B56), MemorySample::serfRssMb),
            new Line("spawned member RSS, mean", new Color(0x7D3C98), MemorySample::spawnedRssPerMemberMb),
            new Line("spawned member heap after GC", new Color(0xBB8FCE), MemorySample::spawnedHeapPerMemberMb),
            new Line("console RSS", new Color(0x2471A3), MemorySample::consoleRssMb),
            new Line("console heap after GC", new Color(0x5DADE2), MemorySample::consoleHeapMb));

    private MemoryPlot() {
    }

    static void write(List<MemorySample> samples, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double maxSeconds = Math.max(1, samples.stream().mapToLong(MemorySample::seconds).max().orElse(1));
            double maxMb = LINES.stream().flatMapToDouble(line -> samples.stream().mapToDouble(line.value()))
                    .max().orElse(1);
            maxMb = niceCeiling(maxMb * 1.1);
            int plotWidth = WIDTH - LEFT - RIGHT;
            int plotHeight = HEIGHT - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(new Color(0xDDDDDD));
            for (int i = 0; i <= 5; i++) {
                int y = TOP + plotHeight - plotHeight * i / 5;
                g.drawLine(LEFT, y, LEFT + plotWidth, y);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(LEFT, TOP, plotWidth, plotHeight);
            for (int i = 0; i <= 5; i++) {
                int y = TOP + plotHeight - plotHeight * i / 5;
                g.drawString(String.format("%.0f", maxMb * i / 5), 10, y + 4);
                int x = LEFT + plotWidth * i / 5;
                g.drawString(String.format("%.1f", maxSeconds * i / 5 / 60.0), x - 10, TOP + plotHeight + 18);
            }
            g.drawString("MiB", 10, TOP - 10);
            g.drawString("minutes since start", LEFT + plotWidth / 2 - 50, HEIGHT - 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int legendY = TOP + 10;
            for (Line line : LINES) {
                Path2D path = new Path2D.Double();
                boolean first = true;
                for (MemorySample sample : samples) {
                    double x = LEFT + plotWidth * sample.seconds() / maxSeconds;
                    double y = TOP + plotHeight - plotHeight * line.value().applyAsDouble(sample) / maxMb;
                    if (first) {
                        path.moveTo(x, y);
                        first = false;
                    } else {
                        path.lineTo(x, y);
                    }
                }
                g.setColor(line.color());
                g.setStroke(new BasicStroke(2f));
                g.draw(path);
                g.fillRect(LEFT + plotWidth + 12, legendY - 8, 14, 4);
                g.setColor(Color.DARK_GRAY);
                g.drawString(line.label(), LEFT + plotWidth + 32, legendY - 2);
                legendY += 20;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static double niceCeiling(double value) {
        double step = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * step >= value) {
                return factor * step;
            }
        }
        return 10 * step;
    }
}
