package io.serfnode.agent.runtime.process;

import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Copies one output stream of a child into its log file until the stream ends. */
final class LogPump {
    private final Thread thread;

    private LogPump(Thread thread) {
        this.thread = thread;
    }

    static LogPump start(String name, InputStream in, RotatingLogFile file, ComponentLog log) {
        Thread thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> copy(in, file, log));
        thread.start();
        return new LogPump(thread);
    }

    /** Waits for the stream's end; a grandchild that escaped the group may hold it open, hence the limit. */
    boolean awaitEnd(Duration limit) {
        try {
            return thread.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void copy(InputStream in, RotatingLogFile file, ComponentLog log) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                file.write(buffer, 0, n);
            }
        } catch (IOException e) {
            log.warn("output to %s ended early: %s", file.path(), e.getMessage());
        }
    }
}
