package io.serfnode.bench.agent;

/**
 * One line the agent wrote, with the moment the harness read it ({@link System#nanoTime()}), which is
 * at most a pipe's latency after the agent wrote it: the agent's console handler flushes every record.
 */
public record LogLine(long readAtNanos, String text) {
}
