package io.serfnode.console.session;

import java.io.Closeable;

/**
 * Receives a session's stream. Called on the session's own thread, never on the FX thread: view
 * models hand updates to the UI through the batching dispatcher.
 */
public interface SessionListener {

    /** The session started; closing the handle closes the session. */
    void onStart(Closeable session);

    /** A status change, a snapshot or one event. */
    void onNext(SessionUpdate update);

    /** The session ended for a reason the operator must see (token refused, no agent reachable). */
    void onError(Throwable failure);

    /** The session was closed on request. */
    void onComplete();
}
