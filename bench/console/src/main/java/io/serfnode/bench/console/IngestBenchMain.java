package io.serfnode.bench.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;

/**
 * {@code bench/console/run --bench ingest [--ingest-cluster 1000x5] [--rate 20000] [--ingest-seconds 30]
 * [--out DIR]}: serves a made-up cluster through the agent's real WebSocket API, connects the real console to it,
 * and measures the first snapshot, then two floods (one right after the connect, one after a rest): the ingest
 * rate, loss and every FX pulse. Prints the results table and writes {@code results.md}, {@code pulses.csv} and
 * {@code ingest.png} (the first flood; {@code -2} the second) and a PNG of the console to the output directory.
 */
public final class IngestBenchMain {
    private IngestBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        IngestSettings settings = parse(args);
        Files.createDirectories(settings.out());
        String platform = RenderBenchMain.platformDescription();
        System.out.println("console ingest bench on " + platform);
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        try {
            List<IngestResult> floods = new IngestRun(settings).run();
            String table = IngestReport.of(floods, platform);
            Files.writeString(settings.out().resolve("results.md"), table);
            for (int i = 0; i < floods.size(); i++) {
                IngestResult flood = floods.get(i);
                String suffix = i == 0 ? "" : "-" + (i + 1);
                writePulses(flood, settings.out().resolve("pulses" + suffix + ".csv"));
                RenderRun.onFx(() -> {
                    try {
                        IngestPlot.write(flood, String.format(Locale.ROOT,
                                "Console ingest: %,d members, %,.0f events/s, %s (%s)", settings.members(),
                                settings.eventsPerSecond(), flood.title(), platform),
                                settings.out().resolve("ingest" + suffix + ".png"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            System.out.println();
            System.out.println(table);
            System.out.println("written to " + settings.out().toAbsolutePath());
            if (!floods.stream().allMatch(IngestResult::lossless)) {
                System.err.println("the console lost events: see the loss row above");
                System.exit(1);
            }
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void writePulses(IngestResult r, Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("start_s,work_ms,cpu_ms,run_queue_ms,gc_ms,seq\n");
        PulseProbe.Pulses p = r.pulses();
        for (int i = 0; i < p.size(); i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.3f,%.3f,%.3f,%d,%d%n", (p.starts()[i] - r.floodStart()) / 1e9,
                    (p.ends()[i] - p.starts()[i]) / 1e6, p.cpu()[i] / 1e6, p.runQueue()[i] / 1e6, p.gcMillis()[i],
                    p.samples()[i]));
        }
        Files.writeString(file, csv);
    }

    static IngestSettings parse(String[] args) {
        IngestSettings settings = IngestSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                System.out.println("bench/console/run --bench ingest [--ingest-cluster 1000x5] [--rate 20000]"
                        + " [--ingest-seconds 30] [--queue-limit 1024] [--out DIR]");
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--ingest-cluster" -> settings = settings.withCluster(Scenario.parse(value));
                case "--rate" -> settings = settings.withEventsPerSecond(number(option, value));
                case "--ingest-seconds" -> settings = settings.withSeconds(number(option, value));
                case "--queue-limit" -> settings = settings.withQueueLimit((int) number(option, value));
                case "--out" -> settings = settings.withOut(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (see --help)");
            }
        }
        return settings;
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a number, was '" + value + "'");
        }
    }
}
