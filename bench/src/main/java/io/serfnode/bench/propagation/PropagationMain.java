package io.serfnode.bench.propagation;

import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.serf.rpc.SerfLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/propagation/run [--sizes 5,10,25,50] [--profiles lan,local] [--events 10] [--failures 5]
 * [--leaves 5] [--out DIR] [--images DIR]}: runs every cell, writing each cell's JSON as soon as it is measured,
 * then the tables ({@code DIR/tables.md}) and plots. {@code bench/propagation/run report --out DIR --images DIR}
 * only redraws tables and plots from the JSON files already there.
 */
public final class PropagationMain {

    private static final String USAGE = """
            usage: bench/propagation/run [--sizes 5,10,25,50] [--profiles lan,local] [--events 10] [--failures 5]
                                         [--leaves 5] [--out DIR] [--images DIR]
                   bench/propagation/run report [--out DIR] [--images DIR]
              --events    user events per payload size (16 B, 128 B and serf's limit) and cell
              --failures  kill -9 trials per cell;  --leaves  graceful-leave trials per cell
              --out       results: one JSON file per cell and tables.md (default bench/target/propagation)
              --images    where the convergence plots go (default OUT/images)""";
    private static final List<String> OPTIONS =
            List.of("--sizes", "--profiles", "--events", "--failures", "--leaves", "--out", "--images");

    private PropagationMain() {
    }

    /** Every argument is a known option followed by its value (after an optional leading {@code report}). */
    private static void checkOptions(List<String> args) {
        int start = !args.isEmpty() && args.getFirst().equals("report") ? 1 : 0;
        for (int i = start; i < args.size(); i += 2) {
            if (!OPTIONS.contains(args.get(i))) {
                throw new IllegalArgumentException("unknown option '" + args.get(i) + "' (argument " + (i + 1)
                        + "); known: " + String.join(", ", OPTIONS) + " (see --help)");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        checkOptions(list);
        boolean reportOnly = !list.isEmpty() && list.getFirst().equals("report");
        Path out = Path.of(option(list, "--out", "bench/target/propagation"));
        Path images = Path.of(option(list, "--images", out.resolve("images").toString()));
        if (!reportOnly) {
            int limit = SerfLimits.DEFAULTS.maxUserEventPayload(SightingRecorder.EVENT_NAME);
            StudySettings settings = StudySettings.defaults(out, List.of(16, 128, limit))
                    .withSizes(ints(option(list, "--sizes", "5,10,25,50")))
                    .withProfiles(Arrays.stream(option(list, "--profiles", "lan,local").split(","))
                            .map(p -> SerfProfile.valueOf(p.strip().toUpperCase(Locale.ROOT))).toList())
                    .withEventsPerPayload(Integer.parseInt(option(list, "--events", "10")))
                    .withFailures(Integer.parseInt(option(list, "--failures", "5")))
                    .withLeaves(Integer.parseInt(option(list, "--leaves", "5")));
            run(settings);
        }
        List<CellResult> cells = StudyReport.read(out);
        String tables = StudyReport.markdown(cells);
        Files.writeString(out.resolve("tables.md"), tables);
        StudyReport.plots(cells, images);
        System.out.println(tables);
    }

    private static void run(StudySettings settings) throws Exception {
        SerfPidReaper reaper = SerfPidReaper.installed();
        Path runDirectory = Files.createTempDirectory("serf-propagation");
        int net = 70;
        try {
            for (SerfProfile profile : settings.profiles()) {
                for (int size : settings.sizes()) {
                    try {
                        CellResult cell = new CellRun(settings, profile, size, net++, runDirectory, reaper).run();
                        StudyReport.write(cell, settings.out());
                    } catch (RuntimeException e) {
                        // one cell that could not be measured (say 50 agents did not converge) must not lose the rest
                        System.err.printf(Locale.ROOT, "propagation: %s N=%d not measured: %s%n", profile, size, e);
                    }
                }
            }
        } finally {
            reaper.killAll();
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException("option " + name + " needs a value");
        }
        return args.get(at + 1);
    }

    private static List<Integer> ints(String csv) {
        try {
            return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes: expected numbers separated by commas, got '" + csv + "'");
        }
    }
}
