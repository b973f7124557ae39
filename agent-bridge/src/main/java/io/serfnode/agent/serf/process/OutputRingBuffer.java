package io.serfnode.agent.serf.process;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent lines of a process's output, for error reports; older lines fall out. */
final class OutputRingBuffer {
    private final int capacity;
    private final ArrayDeque<String> lines;

    OutputRingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("output buffer capacity must be at least 1 line, was " + capacity);
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 256));
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** Oldest first. */
    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }
}
