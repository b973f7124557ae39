package io.serfnode.bench.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code bench/console/run [--scenario 1000x5]... [--seconds 10] [--warmup 3] [--size 1280x800]
 * [--changes-per-second 20] [--out DIR]}: renders the cluster graph for each scenario while panning and zooming,
 * prints the results table and writes {@code results.md}, {@code frame-times.png}, one screenshot per scenario
 * and the raw frame times ({@code frames-N.csv}) to the output directory.
 */
public final class RenderBenchMain {
    private RenderBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = parse(args);
        Files.createDirectories(settings.out());
        String platform = platformDescription();
        System.out.println("console render bench on " + platform);
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        List<ScenarioResult> results = new ArrayList<>();
        try {
            Stage[] stage = new Stage[1];
            RenderRun.onFx(() -> {
                stage[0] = new Stage();
                stage[0].setTitle("Serfnode console render bench");
            });
            RenderRun run = new RenderRun(stage[0], settings);
            for (int i = 0; i < settings.scenarios().size(); i++) {
                Scenario scenario = settings.scenarios().get(i);
                System.out.println("running " + scenario.label() + " ...");
                ScenarioResult result = run.run(scenario, settings.out().resolve("graph-" + scenario.members() + "x"
                        + scenario.childrenPerMember() + ".png"));
                results.add(result);
                writeFrames(result, settings.out().resolve("frames-" + scenario.members() + "x"
                        + scenario.childrenPerMember() + ".csv"));
                System.out.printf("  %.1f fps, frame p50 %.1f ms, p99 %.1f ms; CPU per frame: render p50 %.1f ms"
                                + " p99 %.1f ms, FX p50 %.1f ms p99 %.1f ms; on an idle machine %.0f fps%n",
                        result.rendered().fps(), result.rendered().p50(), result.rendered().p99(),
                        result.renderCpu().p50(), result.renderCpu().p99(), result.fxCpu().p50(),
                        result.fxCpu().p99(), result.idleFps());
            }
            String table = MarkdownReport.of(results, platform, settings);
            Files.writeString(settings.out().resolve("results.md"), table);
            RenderRun.onFx(() -> {
                try {
                    FrameTimePlot.write(results, "Cluster graph rendering while panning and zooming (" + platform + ")",
                            settings.out().resolve("frame-times.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println();
            System.out.println(table);
            System.out.println("written to " + settings.out().toAbsolutePath());
        } finally {
            Platform.exit();
        }
    }

    private static void writeFrames(ScenarioResult result, Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("frame,millis\n");
        double[] ms = result.rendered().frameMillis();
        for (int i = 0; i < ms.length; i++) {
            csv.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", ms[i])).append('\n');
        }
        Files.writeString(file, csv);
    }

    static String platformDescription() {
        String glass = System.getProperty("glass.platform", "default");
        String monocle = System.getProperty("monocle.platform", "");
        String prism = System.getProperty("prism.order", "default");
        String where = glass.equalsIgnoreCase("Monocle") ? "Monocle " + monocle : "GTK on " + System.getenv("DISPLAY");
        return where + ", prism " + prism + ", JDK " + Runtime.version();
    }

    static BenchSettings parse(String[] args) {
        BenchSettings settings = BenchSettings.defaults();
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.println("bench/console/run [--scenario 1000x5]... [--seconds 10] [--warmup 3]"
                        + " [--size 1280x800] [--changes-per-second 20] [--out DIR]");
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--scenario" -> scenarios.add(Scenario.parse(value));
                case "--seconds" -> settings = settings.withSeconds(positive(option, value));
                case "--warmup" -> settings = settings.withWarmupSeconds(Double.parseDouble(value));
                case "--changes-per-second" -> settings = settings.withChangesPerSecond(Double.parseDouble(value));
                case "--out" -> settings = settings.withOut(Path.of(value));
                case "--size" -> {
                    String[] wh = value.split("x");
                    if (wh.length != 2) {
                        throw new IllegalArgumentException("--size: expected WIDTHxHEIGHT such as 1280x800, was '"
                                + value + "'");
                    }
                    settings = settings.withSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (see --help)");
            }
        }
        return scenarios.isEmpty() ? settings : settings.withScenarios(scenarios);
    }

    private static double positive(String option, String value) {
        double v = Double.parseDouble(value);
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + ": must be positive, was " + value);
        }
        return v;
    }
}
