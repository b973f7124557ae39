package io.serfnode.agent.runtime.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes a test started, ended by pid when the test ends. A pid is ended only while it still names
 * the process that was tracked (same start time), never a process that reused it.
 */
public final class TrackedProcesses implements AutoCloseable {
    private final List<Tracked> tracked = new ArrayList<>();

    public synchronized void track(long pid) {
        ProcessHandle.of(pid).ifPresent(handle ->
                tracked.add(new Tracked(handle, handle.info().startInstant().orElse(null))));
    }

    /** Tracks the pid a script wrote into {@code pidFile}. */
    public long trackFromFile(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            track(pid);
            return pid;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pidFile, e);
        }
    }

    /** Whether {@code pid} is a living process (an unreaped zombie counts as gone). */
    public static boolean isAlive(long pid) {
        return ProcStat.of(pid).map(stat -> !stat.isZombie()).orElse(false);
    }

    /**
     * SIGKILLs every tracked process still alive and its descendants, and waits (up to 10 s) until they are gone,
     * so that none still writes into files the test removes next.
     */
    @Override
    public synchronized void close() {
        List<ProcessHandle> killed = new ArrayList<>();
        for (Tracked process : tracked) {
            ProcessHandle handle = process.handle();
            Optional<Instant> started = handle.info().startInstant();
            if (handle.isAlive() && (process.started() == null || started.equals(Optional.of(process.started())))) {
                handle.descendants().forEach(descendant -> {
                    descendant.destroyForcibly();
                    killed.add(descendant);
                });
                handle.destroyForcibly();
                killed.add(handle);
            }
        }
        tracked.clear();
        await("the processes killed at the end of the test are gone").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> killed.stream().noneMatch(handle -> isAlive(handle.pid())));
    }

    private record Tracked(ProcessHandle handle, Instant started) {
    }
}
