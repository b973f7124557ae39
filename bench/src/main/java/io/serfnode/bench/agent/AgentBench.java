package io.serfnode.bench.agent;

import io.serfnode.agent.support.FreePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the cells: a seed member first (kept for the whole benchmark), then for every cell one warm-up
 * start and {@code runs} measured starts of a member with process children that joins the seed.
 */
public final class AgentBench {
    private static final String LOOPBACK = "127.0.0.1";
    static final String SEED = "bench-seed";
    /** The variables the agent reads its settings from; the harness's own values must not leak in. */
    private static final List<String> AGENT_VARIABLES = List.of(
            "NODE_NAME", "ROLE", "PEER", "SERF_IP", "SERF_PORT", "SERVICE_IP", "SERVICE_PORT", "SERFNODE_JAVA_OPTS",
            "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private final BenchSettings settings;
    private final Checkout checkout;
    private final ProcessReaper reaper;
    private final PrintStream out;
    private int seedPort;

    public AgentBench(BenchSettings settings, Checkout checkout, ProcessReaper reaper, PrintStream out) {
        this.settings = settings;
        this.checkout = checkout;
        this.reaper = reaper;
        this.out = out;
    }

    public List<CellResult> run() throws IOException, InterruptedException {
        Files.createDirectories(settings.workDir());
        RunningAgent seed = startSeed();
        try {
            List<CellResult> results = new ArrayList<>();
            int index = 0;
            for (Cell cell : settings.cells()) {
                results.add(runCell(cell, ++index));
            }
            return results;
        } finally {
            reaper.stop(seed);
        }
    }

    private RunningAgent startSeed() throws IOException, InterruptedException {
        Path dir = fresh(settings.workDir().resolve("seed"));
        Path config = dir.resolve("serfnode.yml");
        MemberConfigFile.write(config, MemberConfigFile.content("seed", List.of(), 0));
        seedPort = FreePorts.pick(LOOPBACK);
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        List<String> args = agentArgs(config, stateDir, SEED, seedPort, List.of());
        // a lone member is ready when it sees itself
        Started seed = start(SEED, checkout.command(LaunchMode.LAUNCHER, List.of(), args),
                environment(List.of()), dir, stateDir, List.of());
        out.printf(Locale.ROOT, "seed %s up on %s:%d in %.0f ms%n", SEED, LOOPBACK, seedPort,
                seed.timeline().readyMs());
        return seed.agent();
    }

    private CellResult runCell(Cell cell, int index) throws IOException, InterruptedException {
        Path dir = fresh(settings.workDir().resolve("cell-" + index));
        Path config = dir.resolve("serfnode.yml");
        List<String> children = MemberConfigFile.childNames(settings.children());
        MemberConfigFile.write(config, MemberConfigFile.content("bench", children, cell.startsecs()));
        Path archive = cell.profile().archive().fileIn(dir, cell.profile().name());
        out.printf("%n== %s: %s (load average %s)%n", cell.label(), cell.profile().describe(),
                MachineFacts.loadAverage());

        runOnce(cell, dir, config, children, "warmup", cell.profile().archive().makingOpts(archive));
        if (cell.profile().archive() != ArchiveKind.NONE && !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the warm-up run of " + cell.label() + " made no archive " + archive
                    + " (see " + dir.resolve("warmup/agent.log") + ")");
        }
        List<RunResult> runs = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            runs.add(runOnce(cell, dir, config, children, "run-" + run, cell.profile().archive().usingOpts(archive)));
        }
        return new CellResult(cell, runs);
    }

    private RunResult runOnce(Cell cell, Path cellDir, Path config, List<String> children, String label,
            List<String> archiveOpts) throws IOException, InterruptedException {
        Path dir = fresh(cellDir.resolve(label));
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        String name = "bench-" + cellDir.getFileName() + "-" + label;
        List<String> args = agentArgs(config, stateDir, name, FreePorts.pick(LOOPBACK),
                List.of("--join", LOOPBACK + ":" + seedPort));
        List<String> flags = cell.profile().runFlags(archiveOpts);
        List<String> command = checkout.command(cell.launch(), flags, args);
        Map<String, String> environment = environment(cell.launch() == LaunchMode.LAUNCHER ? flags : List.of());

        Started started = start(name, command, environment, dir, stateDir, children);
        RunningAgent agent = started.agent();
        try {
            StartTimeline timeline = started.timeline();
            agent.recordDescendants();
            sleepUntil(started.startNanos() + settings.steadyAfter().toNanos());
            requireJava(agent);
            MemorySample jvm = MemorySample.ofProcess(agent.pid());
            long serfRss = agent.serf().map(serf -> rssOf(serf.pid())).orElse(0L);
            Instant lastRunning = StateFiles.lastRunningSince(stateDir, children, SEED);
            double stateMs = Duration.between(started.startedAt(), lastRunning).toNanos() / 1e6;
            boolean clean = reaper.stop(agent);
            RunResult result = new RunResult(timeline, stateMs, jvm, serfRss, clean);
            out.println(describe(label, result));
            return result;
        } finally {
            reaper.stop(agent);
        }
    }

    /** A started agent that got ready. */
    private record Started(RunningAgent agent, Instant startedAt, long startNanos, StartTimeline timeline) {
    }

    /** Starts an agent and waits until its state directory shows it ready; stops it when it does not get there. */
    private Started start(String name, List<String> command, Map<String, String> environment, Path dir,
            Path stateDir, List<String> children) throws IOException, InterruptedException {
        LogMilestones log = new LogMilestones();
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        StateDirWatcher watcher = new StateDirWatcher(stateDir, children.isEmpty() ? name : SEED, children, startNanos);
        RunningAgent agent = reaper.register(RunningAgent.start(name, command, environment,
                dir.resolve("agent.log"), log));
        watcher.start();
        agent.onExit().thenRun(() -> watcher.fail("the agent exited (code " + agent.exitCode() + ")"));
        try {
            StartTimeline timeline = watcher.ready().get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Started(agent, startedAt, startNanos, timeline.withFirstLogMs(log.firstLineMs(startNanos)));
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "was not ready after " + settings.readyTimeout()
                    : "did not get ready: " + e.getCause().getMessage();
            reaper.stop(agent);
            throw new IllegalStateException(agent.name() + " " + why + "; its last output lines:\n  "
                    + String.join("\n  ", log.lastLines()) + "\n(whole log: " + dir.resolve("agent.log") + ")");
        }
    }

    private static List<String> agentArgs(Path config, Path stateDir, String name, int port, List<String> more)
            throws IOException {
        int rpcPort = FreePorts.pick(LOOPBACK);
        while (rpcPort == port) {
            rpcPort = FreePorts.pick(LOOPBACK);
        }
        List<String> args = new ArrayList<>(List.of("agent", "--config", config.toString(),
                "--state-dir", stateDir.toString(), "--name", name,
                "--bind", LOOPBACK + ":" + port, "--rpc", LOOPBACK + ":" + rpcPort));
        args.addAll(more);
        return args;
    }

    private static Map<String, String> environment(List<String> javaOpts) {
        // a null value removes the variable
        Map<String, String> environment = new HashMap<>();
        AGENT_VARIABLES.forEach(variable -> environment.put(variable, null));
        if (!javaOpts.isEmpty()) {
            environment.put("SERFNODE_JAVA_OPTS", String.join(" ", javaOpts));
        }
        return environment;
    }

    /** Both launch modes end in {@code exec java}: by now the PID must be the JVM's. */
    private static void requireJava(RunningAgent agent) throws IOException {
        String comm = Files.readString(Path.of("/proc", Long.toString(agent.pid()), "comm")).trim();
        if (!comm.equals("java")) {
            throw new IllegalStateException(agent.name() + " (pid " + agent.pid() + ") is '" + comm
                    + "', not the JVM: did bin/serfnode stop ending in exec?");
        }
    }

    private static long rssOf(long pid) {
        try {
            return MemorySample.ofProcess(pid).rssKb();
        } catch (IOException | IllegalArgumentException gone) {
            return 0;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String describe(String label, RunResult result) {
        StartTimeline t = result.timeline();
        return String.format(Locale.ROOT,
                "  %-7s ready %5.0f ms (first log line %4.0f, first state file %4.0f, joined %4.0f, all RUNNING %4.0f;"
                        + " last child's since %4.0f)  JVM VmRSS %5.1f MiB, VmHWM %5.1f MiB, serf %4.1f MiB%s",
                label, t.readyMs(), t.firstLogMs(), t.firstFileMs(), t.joinedMs(), t.allRunningMs(),
                result.stateAllRunningMs(), CellResult.mib(result.jvm().rssKb()), CellResult.mib(result.jvm().hwmKb()),
                CellResult.mib(result.serfRssKb()), result.stoppedCleanly() ? "" : "  (had to be killed)");
    }
}
