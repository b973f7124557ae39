package io.serfnode.agent.runtime.process;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntime;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.RuntimeKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs process children with {@link ProcessBuilder}. Each child runs through {@code setsid} (util-linux),
 * so it leads its own session and process group: stop signals and kills reach every process it started,
 * and when the child itself exits whatever it left in its group is killed, so no orphan outlives it.
 *
 * <p>A signal the agent ignores (started with {@code nohup}, or in the background of a script) would be ignored
 * by every child too, so that a child stopped with it would only end when killed: children then start through
 * {@code env --default-signal} (coreutils), which sets those signals back to their defaults.
 *
 * <p>Children survive a crash of the agent (they are in their own session). The runtime cannot learn the
 * exit code of a process it did not start, so instead of adopting such leftovers {@link #findLeftovers}
 * ends them and returns an empty list; the supervisor then starts fresh instances.
 */
public final class ProcessRuntime implements ChildRuntime {
    private static final List<String> SETSID_CANDIDATES = List.of("/usr/bin/setsid", "/bin/setsid");
    private static final List<String> ENV_CANDIDATES = List.of("/usr/bin/env", "/bin/env");

    private final ProcessRuntimeConfig config;
    private final ComponentLog log;
    private final String member;
    private final Path setsid;
    /** What goes between {@code setsid} and the child's command: resets the signals the agent ignores. */
    private final List<String> defaultSignals;
    private final ProcessGroups groups;
    private final InstanceRecords records;
    private final String bootId;
    private final Map<Long, ProcessChild> running = new ConcurrentHashMap<>();
    private final Map<String, ChildLogs> logs = new ConcurrentHashMap<>();
    private final ExecutorService exits;
    private volatile boolean closed;

    /**
     * @throws IllegalStateException when {@code setsid} or {@code kill} is not installed
     */
    public ProcessRuntime(String member, ProcessRuntimeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.member = Objects.requireNonNull(member, "member");
        this.log = ComponentLog.of(member, "process-runtime");
        this.setsid = SETSID_CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("the process runtime needs setsid (util-linux), "
                        + "found none of " + SETSID_CANDIDATES + "; install the util-linux package"));
        this.defaultSignals = defaultSignals(IgnoredSignals.ofThisProcess(), log);
        this.groups = ProcessGroups.locate();
        this.records = new InstanceRecords(config.recordsDir());
        this.bootId = ProcStat.bootId();
        this.exits = Executors.newCachedThreadPool(Thread.ofPlatform().name("process-exit-", 0).daemon().factory());
    }

    /**
     * {@code env --default-signal=…} for the signals this agent ignores, or nothing when it ignores none (or when
     * {@code env} cannot, logged: children then ignore them too).
     */
    static List<String> defaultSignals(Set<UnixSignal> ignored, ComponentLog log) {
        if (ignored.isEmpty()) {
            return List.of();
        }
        String names = ignored.stream().map(Enum::name).collect(Collectors.joining(","));
        String shown = ignored.stream().map(signal -> "SIG" + signal.name()).collect(Collectors.joining(", "));
        Optional<Path> env = ENV_CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        List<String> prefix = env.map(path -> List.of(path.toString(), "--default-signal=" + names, "--"))
                .orElse(List.of());
        if (!prefix.isEmpty() && resets(prefix)) {
            log.info("this agent ignores %s (as whoever started it asked); its children start with %s set back to "
                    + "the default", shown, ignored.size() == 1 ? "it" : "them");
            return prefix;
        }
        log.warn("this agent ignores %s (as whoever started it asked) and env (coreutils 8.31 or later) cannot set "
                + "them back for its children: a child stopped with one of them ends only when killed after its "
                + "stopwaitsecs; start the agent without nohup, or in the foreground", shown);
        return List.of();
    }

    /** Whether this {@code env} understands {@code --default-signal}. */
    private static boolean resets(List<String> prefix) {
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.PROCESS;
    }

    @Override
    public RunningChild start(ChildSpec spec) throws ChildRuntimeException {
        Objects.requireNonNull(spec, "spec");
        if (closed) {
            throw new ChildRuntimeException("child '" + spec.name() + "': the process runtime is closed");
        }
        requireRunnableHere(spec);
        UnixSignal stopSignal = stopSignalOf(spec);
        Path workingDir = workingDirOf(spec);

        List<String> command = new ArrayList<>();
        command.add(setsid.toString());
        command.addAll(defaultSignals);
        command.addAll(spec.exec());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // where the developer interface is (the parent FIFO, the JSON files), unless the child says otherwise
        builder.environment().put("SERFNODE_MEMBER", member);
        builder.environment().put("SERFNODE_STATE_DIR", config.stateDir().toAbsolutePath().toString());
        builder.environment().putAll(spec.environment());
        ProgramLocator.locate(spec.name(), spec.exec().getFirst(), builder.environment().get("PATH"), workingDir);

        ChildLogs childLogs = logsOf(spec.name());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': could not start " + spec.exec()
                    + ": " + e.getMessage(), e);
        }
        long pid = process.pid();
        LogPump out = LogPump.start("log-" + spec.name() + "-stdout-" + pid, process.getInputStream(),
                childLogs.stdout(), log);
        LogPump err = LogPump.start("log-" + spec.name() + "-stderr-" + pid, process.getErrorStream(),
                childLogs.stderr(), log);
        ProcessChild instance = new ProcessChild(spec.name(), pid, groups, log);
        running.put(pid, instance);
        record(spec.name(), pid, stopSignal, spec);
        process.onExit().thenRunAsync(() -> finish(instance, process, out, err), exits);
        log.info("started child '%s' as pid %d: %s", spec.name(), pid, spec.exec());
        return instance;
    }

    /** Ends leftovers of an earlier agent on this state directory and returns an empty list (see class doc). */
    @Override
    public List<RunningChild> findLeftovers(String member, Collection<ChildSpec> wanted) throws ChildRuntimeException {
        List<InstanceRecord> found;
        try {
            found = records.readAll((file, e) -> log.warn("ignoring unreadable instance record %s: %s",
                    file, e.getMessage()));
        } catch (IOException e) {
            throw new ChildRuntimeException("cannot read the instance records in " + config.recordsDir()
                    + ": " + e.getMessage(), e);
        }
        List<InstanceRecord> foreign = found.stream().filter(r -> !running.containsKey(r.pid())).toList();
        new LeftoverCleaner(groups, bootId, log).end(foreign);
        for (InstanceRecord record : foreign) {
            try {
                records.delete(record);
            } catch (IOException e) {
                log.warn("could not delete the instance record of child '%s': %s", record.child(), e.getMessage());
            }
        }
        return List.of();
    }

    /** Kills every child still running and closes the log files. */
    @Override
    public void close() {
        closed = true;
        List<ProcessChild> remaining = List.copyOf(running.values());
        remaining.forEach(ProcessChild::killGroup);
        for (ProcessChild child : remaining) {
            try {
                child.exitFuture().get(config.drainWait().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("child '%s' (pid %s) did not report its exit in time", child.childName(), child.id());
            }
        }
        exits.shutdown();
        logs.values().forEach(ChildLogs::close);
    }

    private void finish(ProcessChild instance, Process process, LogPump out, LogPump err) {
        int code = process.exitValue();
        Instant at = Instant.now();
        // whatever the child left in its group would otherwise outlive it
        instance.killGroup();
        boolean drained = out.awaitEnd(config.drainWait()) & err.awaitEnd(config.drainWait());
        if (!drained) {
            log.warn("child '%s' (pid %s): output still open after exit; a process outside its group holds it",
                    instance.childName(), instance.id());
        }
        try {
            records.delete(instance.childName(), process.pid());
        } catch (IOException e) {
            log.warn("could not delete the instance record of child '%s': %s", instance.childName(), e.getMessage());
        }
        running.remove(process.pid());
        log.info("child '%s' (pid %d) exited with %d", instance.childName(), process.pid(), code);
        instance.exited(new ChildExit(code, at));
    }

    private void record(String child, long pid, UnixSignal stopSignal, ChildSpec spec) {
        Optional<ProcStat> stat = ProcStat.of(pid);
        if (stat.isEmpty()) {
            return; // already gone: nothing could be left over
        }
        try {
            records.write(new InstanceRecord(child, pid, stat.get().startTicks(), bootId, stopSignal,
                    spec.supervision().stopWait()));
        } catch (IOException e) {
            log.warn("could not record child '%s' (pid %d) in %s; a later agent cannot clean it up: %s",
                    child, pid, config.recordsDir(), e.getMessage());
        }
    }

    private static void requireRunnableHere(ChildSpec spec) throws ChildRuntimeException {
        if (spec.runtime() != RuntimeKind.PROCESS) {
            throw new ChildRuntimeException("child '" + spec.name() + "' is a " + spec.runtime()
                    + " child; the process runtime runs only process children");
        }
        if (spec.user() != null && !spec.user().equals(System.getProperty("user.name"))) {
            throw new ChildRuntimeException("child '" + spec.name() + "': the process runtime runs children as "
                    + "the agent's own user '" + System.getProperty("user.name") + "' and cannot switch to '"
                    + spec.user() + "'; remove 'user' or run the child in Docker");
        }
    }

    private static UnixSignal stopSignalOf(ChildSpec spec) throws ChildRuntimeException {
        try {
            return UnixSignal.parse(spec.supervision().stopSignal());
        } catch (IllegalArgumentException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': stopsignal: " + e.getMessage(), e);
        }
    }

    private Path workingDirOf(ChildSpec spec) throws ChildRuntimeException {
        if (spec.workingDir() != null) {
            Path dir = config.stateDir().resolve(spec.workingDir());
            if (!Files.isDirectory(dir)) {
                throw new ChildRuntimeException("child '" + spec.name() + "': working_dir " + dir
                        + " is not an existing directory");
            }
            return dir;
        }
        Path dir = config.workingDirOf(spec.name());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ChildRuntimeException("child '" + spec.name() + "': cannot create its working directory "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    private ChildLogs logsOf(String child) throws ChildRuntimeException {
        try {
            return logs.computeIfAbsent(child, name -> {
                try {
                    return new ChildLogs(new RotatingLogFile(config.stdoutLogOf(name), config.logs()),
                            new RotatingLogFile(config.stderrLogOf(name), config.logs()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw new ChildRuntimeException("child '" + child + "': cannot open its log files in "
                    + config.stateDir().resolve("logs") + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A child's two log files, shared by its successive instances. */
    private record ChildLogs(RotatingLogFile stdout, RotatingLogFile stderr) {
        void close() {
            try {
                stdout.close();
                stderr.close();
            } catch (IOException e) {
                // closing append-only files loses nothing that was written
            }
        }
    }
}
