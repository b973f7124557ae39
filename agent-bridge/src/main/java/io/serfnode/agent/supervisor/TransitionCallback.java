package io.serfnode.agent.supervisor;

import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;

/**
 * Receives a member's supervisor transitions in counter order. {@link #onNext} runs on the thread of the
 * child that changed, while transitions of other children wait: hand events on, do not block.
 */
public interface TransitionCallback {

    /** Called once on subscribing; closing {@code subscription} ends the deliveries. */
    default void onStart(Closeable subscription) {
    }

    void onNext(SupervisorStateChanged event);

    /** The supervisor failed in a way that ends the stream. */
    default void onError(Throwable error) {
    }

    /** The supervisor was closed; no more events follow. */
    default void onComplete() {
    }
}
