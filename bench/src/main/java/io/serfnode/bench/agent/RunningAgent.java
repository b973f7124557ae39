package io.serfnode.bench.agent;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@code serfnode agent} process the harness started. Its output is copied to a log file and handed
 * to a {@link LogLineCallback} line by line. {@link #stop} ends it and everything it started, by PID.
 */
public final class RunningAgent {
    private final String name;
    private final Process process;
    private final Set<ProcessHandle> seenDescendants = new LinkedHashSet<>();

    private RunningAgent(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code command} with {@code extraEnv} added to the environment (a null value removes the
     * variable); its standard error and
     * output go to {@code logFile} and {@code callback}.
     */
    static RunningAgent start(String name, List<String> command, Map<String, String> extraEnv, Path logFile,
            LogLineCallback callback) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        extraEnv.forEach((variable, value) -> {
            if (value == null) {
                builder.environment().remove(variable);
            } else {
                builder.environment().put(variable, value);
            }
        });
        Process process = builder.start();
        RunningAgent agent = new RunningAgent(name, process);
        Thread pump = new Thread(() -> agent.pump(logFile, callback), "log-" + name);
        pump.setDaemon(true);
        pump.start();
        return agent;
    }

    private void pump(Path logFile, LogLineCallback callback) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            callback.onStart(lines);
            String line;
            while ((line = lines.readLine()) != null) {
                callback.onNext(new LogLine(System.nanoTime(), line));
                log.write(line);
                log.newLine();
                // the file must be complete whenever the harness gives up on the agent
                log.flush();
            }
            callback.onComplete();
        } catch (IOException | RuntimeException e) {
            callback.onError(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Completes when the agent process has exited. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Notes the agent's current descendants (serf, children), so that {@link #stop} can end them by PID. */
    public synchronized void recordDescendants() {
        process.descendants().forEach(seenDescendants::add);
    }

    /** The serf agent among the agent's children, when it runs. */
    public Optional<ProcessHandle> serf() {
        return process.children().filter(child -> child.info().command()
                .map(command -> command.endsWith("/serf") || command.equals("serf")).orElse(false)).findFirst();
    }

    /**
     * Asks the agent to stop (SIGTERM: it stops its children, leaves the cluster, stops serf), waits
     * {@code grace}, then kills it and every descendant still alive that it was ever seen with.
     *
     * @return true when the agent stopped by itself within {@code grace}
     */
    public boolean stop(Duration grace) throws InterruptedException {
        recordDescendants();
        // Process.destroy would also close our end of its output pipe: what the agent (and a JVM it starts
        // at exit, such as the AOT cache assembly) writes while stopping would then hit a broken pipe
        process.toHandle().destroy();
        boolean graceful = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        if (!graceful) {
            recordDescendants();
            process.toHandle().destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        List<ProcessHandle> leftovers;
        synchronized (this) {
            // a ProcessHandle remembers its start time, so a PID reused meanwhile is never signalled
            leftovers = seenDescendants.stream().filter(ProcessHandle::isAlive).toList();
        }
        for (ProcessHandle leftover : leftovers) {
            leftover.destroyForcibly();
        }
        return graceful && leftovers.isEmpty();
    }
}
