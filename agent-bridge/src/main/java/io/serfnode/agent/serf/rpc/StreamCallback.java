package io.serfnode.agent.serf.rpc;

import java.io.Closeable;

/**
 * Receives the records of one stream, in order, on that stream's own dispatcher thread (never on a
 * connection's reader thread). {@link #onStart} comes first, then any number of {@link #onNext},
 * then exactly one of {@link #onError} or {@link #onComplete}.
 */
public interface StreamCallback<T> {

    /** The stream is open; closing {@code stream} stops it. */
    default void onStart(Closeable stream) {
    }

    void onNext(T record);

    /** The stream broke, e.g. the connection to the agent was lost. */
    default void onError(Throwable error) {
    }

    /** The stream ended normally: it was closed, the client was closed, or a query finished. */
    default void onComplete() {
    }
}
