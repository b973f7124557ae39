package io.serfnode.bench.agent;

import java.io.Closeable;

/** Receives an agent's output line by line, as it is written. */
public interface LogLineCallback {

    /** Before the first line; closing {@code reading} stops the delivery. */
    default void onStart(Closeable reading) {
    }

    void onNext(LogLine line);

    /** Reading failed; no more lines come. */
    default void onError(Throwable error) {
    }

    /** The agent closed its output (it has exited or is exiting); no more lines come. */
    default void onComplete() {
    }
}
