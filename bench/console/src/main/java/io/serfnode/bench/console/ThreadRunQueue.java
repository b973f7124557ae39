package io.serfnode.bench.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited, runnable, for a core: the second field of Linux's
 * {@code /proc/thread-self/schedstat}. A pulse's wall time is its CPU time, this wait, and the time it was blocked
 * (on a lock, on the render thread); telling them apart says whether a slow pulse did too much or did not get a
 * core.
 */
final class ThreadRunQueue {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    private ThreadRunQueue() {
    }

    /** Nanoseconds the calling thread spent runnable but not running so far, or -1 where the kernel does not say. */
    static long waitedNanos() {
        try {
            String[] fields = new String(Files.readAllBytes(SCHEDSTAT), StandardCharsets.US_ASCII).trim().split(" ");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
