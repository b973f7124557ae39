package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public synchronized void close() {
        for (Tracked process : tracked) {
            ProcessHandle handle = process.handle();
            Optional<Instant> started = handle.info().startInstant();
            if (handle.isAlive() && (process.started() == null || started.equals(Optional.of(process.started())))) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
        tracked.clear();
    }

    private record Tracked(ProcessHandle handle, Instant started) {
    }
}
