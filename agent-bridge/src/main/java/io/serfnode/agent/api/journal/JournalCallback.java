package io.serfnode.agent.api.journal;

import io.serfnode.model.event.SequencedEvent;
import java.io.Closeable;

/**
 * Receives the events of a journal in {@code seq} order, without gaps. {@link #onNext} runs on the thread
 * that appends, while the journal is locked: hand the event on, never block.
 */
public interface JournalCallback {

    /** Called once, before any event; closing {@code subscription} ends the deliveries. */
    default void onStart(Closeable subscription) {
    }

    void onNext(SequencedEvent event);

    /** The journal was closed; no more events follow. */
    default void onComplete() {
    }
}
