package io.serfnode.bench.agent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Notes when the agent's first log line came, and keeps its last lines for error messages.
 *
 * <p>Log lines are not what readiness is judged by: the agent's INFO lines can go missing altogether
 * (its {@code serfnode} logger level is set on a logger nobody holds, so a garbage collection early in
 * the start, likely with a small heap, loses it), and a benchmark of small heaps must not depend on them.
 */
public final class LogMilestones implements LogLineCallback {
    private static final int KEPT_LINES = 20;

    private final Deque<String> lastLines = new ArrayDeque<>();
    private long firstLineAt = -1;

    @Override
    public synchronized void onNext(LogLine line) {
        if (firstLineAt < 0) {
            firstLineAt = line.readAtNanos();
        }
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line.text());
    }

    /** Milliseconds from {@code startNanos} to the first line, or NaN when none came. */
    public synchronized double firstLineMs(long startNanos) {
        return firstLineAt < 0 ? Double.NaN : (firstLineAt - startNanos) / 1e6;
    }

    public synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }
}
