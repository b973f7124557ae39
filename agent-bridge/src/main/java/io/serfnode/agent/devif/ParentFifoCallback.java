package io.serfnode.agent.devif;

import java.io.Closeable;

/**
 * Receives what children write to the {@code parent} FIFO, in order, on the FIFO's reader thread: first
 * {@link #onStart}, then {@link #onEvent} and {@link #onRejected} in line order, then exactly one of
 * {@link #onError} or {@link #onComplete}. A callback that throws is logged and the reader keeps going.
 * Keep callbacks short: children's writes wait while they run once the FIFO's buffer is full.
 */
public interface ParentFifoCallback {

    /** The reader is running; closing {@code fifo} stops it. */
    default void onStart(Closeable fifo) {
    }

    /**
     * A child asked for a cluster event.
     *
     * @param payload the payload as compact JSON in UTF-8; empty when the line had none
     */
    void onEvent(String name, byte[] payload);

    /**
     * A line that raises no event.
     *
     * @param reason     what was wrong, in plain words
     * @param excerpt    the start of the line, shortened and on one line
     * @param lineNumber the line's number since the FIFO was opened, from 1
     */
    void onRejected(String reason, String excerpt, long lineNumber);

    /** Reading failed and stopped. */
    default void onError(Throwable error) {
    }

    /** The FIFO was closed. */
    default void onComplete() {
    }
}
