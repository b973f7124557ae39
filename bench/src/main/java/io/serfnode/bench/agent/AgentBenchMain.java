package io.serfnode.bench.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/agent/run [options]}: measures the start time and the memory of a member agent with
 * process children. Prints every run, then Markdown tables; writes {@code results.md} and
 * {@code results.json} to the work directory.
 */
public final class AgentBenchMain {
    private static final String USAGE = """
            usage: bench/agent/run [options]
              --runs N             measured starts per cell (default 10; one warm-up start comes first)
              --children N         process children of the measured member (default 5)
              --steady SECONDS     when to read the steady-state memory, after the start (default 10)
              --cell SPEC          PROFILE,STARTSECS[,launcher|direct]; repeatable; replaces the standard cells
              --define NAME[/cds|/aot]=FLAGS
                                   a profile of JVM flags (blank-separated) to use in --cell; repeatable
              --work-dir DIR       where files and results go (default bench/target/agent-bench)
              --checkout DIR       the Serfnode checkout (default: the current directory)
            profiles: %s
            standard cells: %s
            """;

    private AgentBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, JvmProfile> profiles = new LinkedHashMap<>(JvmProfile.presets());
        List<String> cellSpecs = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath();
        Path workDir = null;
        BenchSettings settings = BenchSettings.standard(Path.of("."));
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("-h") || option.equals("--help")) {
                    System.out.print(usage());
                    return;
                }
                String value = valueOf(args, ++i, option);
                switch (option) {
                    case "--runs" -> settings = settings.withRuns(number(option, value));
                    case "--children" -> settings = settings.withChildren(number(option, value));
                    case "--steady" -> settings = settings.withSteadyAfter(Duration.ofSeconds(number(option, value)));
                    case "--cell" -> cellSpecs.add(value);
                    case "--define" -> {
                        JvmProfile profile = JvmProfile.parse(value);
                        profiles.put(profile.name(), profile);
                    }
                    case "--work-dir" -> workDir = Path.of(value).toAbsolutePath();
                    case "--checkout" -> root = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (!cellSpecs.isEmpty()) {
                List<Cell> cells = new ArrayList<>();
                for (String spec : cellSpecs) {
                    cells.add(Cell.parse(spec, profiles));
                }
                settings = settings.withCells(cells);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("agent-bench: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        settings = settings.withWorkDir(workDir != null ? workDir : root.resolve("bench/target/agent-bench"));

        Checkout checkout = Checkout.at(root);
        MachineFacts machine = MachineFacts.collect(checkout.jdk());
        System.out.print(machine.markdown());
        String loadBefore = MachineFacts.loadAverage();
        List<CellResult> results = new AgentBench(settings, checkout, ProcessReaper.installed(), System.out).run();
        String load = "- load average (1, 5, 15 min): " + loadBefore + " at the start, " + MachineFacts.loadAverage()
                + " at the end\n";
        String report = "### Machine\n\n" + machine.markdown() + load + "\n### Profiles\n\n" + MarkdownReport.profiles(results)
                + "\n### Start time (process start → joined the seed and all " + settings.children()
                + " children RUNNING)\n\n" + MarkdownReport.startTimes(results)
                + "\n### Memory of the agent's JVM, " + settings.steadyAfter().toSeconds() + " s after the start\n\n"
                + MarkdownReport.memory(results);
        System.out.println();
        System.out.print(report);
        Files.writeString(settings.workDir().resolve("results.md"), report);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(settings.workDir().resolve("results.json").toFile(),
                        Map.of("machine", machine, "cells", results));
        System.out.println("\nwritten: " + settings.workDir().resolve("results.md") + ", results.json");
    }

    private static String usage() {
        return USAGE.formatted(String.join(", ", JvmProfile.presets().keySet()),
                String.join("; ", BenchSettings.STANDARD_CELLS.stream().map(Cell::label).toList()));
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
        }
    }
}
