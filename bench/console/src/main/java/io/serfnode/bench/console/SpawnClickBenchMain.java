package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * {@code bench/console/run --bench spawn [--runs 10] [--runtimes process,docker] …} (see
 * {@link SpawnClickSettings#USAGE}): issue 6's measurement from the click to the new member alive in the console.
 * Starts a small cluster of real {@code serfnode agent} processes, opens the real console on its spawner, and for
 * each runtime spawns {@code --runs} members one at a time by pressing the console's own controls, each timed from
 * the click to the FX pulse that shows the member alive, with the spawner's progress steps on the way. Prints
 * every run and writes {@code results.md} and {@code runs.csv}. Every member spawned is stopped and removed at the
 * end, pass or fail, by its pid or container id.
 *
 * <p>Arguments: {@code --agent-module-path PATH} (the agent's jar and libraries, given by the run script) before
 * the options.
 */
public final class SpawnClickBenchMain {
    private SpawnClickBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>(List.of(args));
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println(SpawnClickSettings.USAGE);
            System.exit(0);
        }
        String modulePath = takeModulePath(options);
        SpawnClickSettings settings = SpawnClickSettings.parse(options);
        if (settings.runtimes().contains(RuntimeKind.DOCKER)) {
            requireImage(settings.image());
        }
        Files.createDirectories(settings.out());
        String platform = RenderBenchMain.platformDescription();
        String role = "clk" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 5);
        String ip = "127.0." + ThreadLocalRandom.current().nextInt(200, 250) + "."
                + ThreadLocalRandom.current().nextInt(2, 250);
        Path work = Files.createTempDirectory("serfnode-spawn-bench-");
        System.out.println("spawn-from-the-click bench on " + platform + "; cluster of " + settings.clusterSize()
                + " on " + ip + ", spawner " + role + "-1, work directory " + work);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        SpawnedLedger ledger = new SpawnedLedger();
        SpawnCluster[] cluster = new SpawnCluster[1];
        AtomicBoolean cleaned = new AtomicBoolean();
        SpawnedLedger.Removal[] removal = new SpawnedLedger.Removal[1];
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                ledger.refreshDescendants();
                if (cluster[0] != null) {
                    cluster[0].close();
                }
                removal[0] = ledger.removeRemaining(role + "-1");
                System.out.println("clean-up: " + removal[0].describe());
            }
        };
        // Ctrl+C or a kill still removes what was spawned
        Thread hook = new Thread(cleanUp, "spawn-bench-clean-up");
        Runtime.getRuntime().addShutdownHook(hook);

        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        List<SpawnTiming> timings = new ArrayList<>();
        LoadSampler load = LoadSampler.start();
        int status = 0;
        try {
            cluster[0] = SpawnCluster.start(work.resolve("cluster"), modulePath, ip, role, settings.clusterSize(),
                    settings.profile(), settings.image(), settings.agentJavaOptions());
            SpawnClickRun run = new SpawnClickRun(settings, cluster[0], ledger);
            run.openConsole(work.resolve("console"));
            for (RuntimeKind runtime : settings.runtimes()) {
                System.out.println("spawning " + settings.runs() + " " + runtime.wireName() + " member(s) by the "
                        + settings.clickFor(runtime).label());
                timings.addAll(run.measure(runtime));
            }
            run.screenshot(settings.out().resolve("console-spawned.png"));
            run.closeConsole();
        } catch (Exception e) {
            status = 1;
            System.err.println("the spawn bench stopped: " + e);
            e.printStackTrace();
        } finally {
            double loadMean = load.stop();
            cleanUp.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (!timings.isEmpty()) {
                String report = SpawnClickReport.of(timings, settings, platform, loadBefore, loadMean,
                        removal[0] == null ? "" : removal[0].describe());
                Files.writeString(settings.out().resolve("results.md"), report, StandardCharsets.UTF_8);
                Files.writeString(settings.out().resolve("runs.csv"), SpawnClickReport.csv(timings),
                        StandardCharsets.UTF_8);
                System.out.println();
                System.out.println(report);
                System.out.println("written to " + settings.out().toAbsolutePath() + "; agent logs in " + work);
            }
            Platform.exit();
        }
        if (timings.stream().anyMatch(t -> !t.outcome().equals("ok"))) {
            status = 1;
        }
        System.exit(status);
    }

    /** Takes {@code --agent-module-path PATH} out of the options, or finds the agent next to this harness's build. */
    private static String takeModulePath(List<String> options) throws IOException {
        int at = options.indexOf("--agent-module-path");
        if (at >= 0) {
            if (at + 1 >= options.size()) {
                throw new IllegalArgumentException("--agent-module-path: needs a value");
            }
            String path = options.get(at + 1);
            options.subList(at, at + 2).clear();
            return path;
        }
        Path target = Path.of("agent-bridge", "target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "serfnode-agent-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")) {
                    return jar.toAbsolutePath() + ":" + target.resolve("lib").toAbsolutePath();
                }
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("no agent jar in " + target.toAbsolutePath() + ": package agent-bridge first"
                + " (mvn -B -DskipTests package -pl bench/console -am) or give --agent-module-path");
    }

    /** Fails before anything starts when the member image is missing. */
    private static void requireImage(String image) throws IOException, InterruptedException {
        Process inspect = new ProcessBuilder("docker", "image", "inspect", "--format", "{{.Id}}", image)
                .redirectErrorStream(true).start();
        String output = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!inspect.waitFor(60, TimeUnit.SECONDS) || inspect.exitValue() != 0) {
            throw new IllegalStateException("the member image " + image + " is not on the Docker engine (" + output
                    + "): run `make image` first, or leave docker out with --runtimes process");
        }
        System.out.println(String.format(Locale.ROOT, "member image %s: %s", image, output));
    }
}
