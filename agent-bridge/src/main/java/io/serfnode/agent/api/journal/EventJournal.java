package io.serfnode.agent.api.journal;

import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;

/**
 * One agent's event stream. Every appended event gets the next {@code seq} (1, 2, 3 … within one
 * {@link #streamId()}); the latest events are kept for clients that come back. Subscribing is atomic with
 * appending: a subscriber sees every event after its start position exactly once.
 */
public interface EventJournal extends AutoCloseable {

    /** Identifies this stream; a new journal has a new one, and with it a new meaning of {@code seq}. */
    String streamId();

    /** Gives {@code event} the next {@code seq} and hands it to every subscriber before returning. */
    SequencedEvent append(ClusterEvent event);

    /** The {@code seq} of the latest event, 0 before the first. */
    long lastSeq();

    /**
     * Subscribes from now on: fixes the current {@link #lastSeq()}, takes up to {@code recentLimit} of the
     * latest events, and registers {@code callback} for every later event, all atomically with appends.
     */
    JournalStart subscribe(int recentLimit, JournalCallback callback);

    /**
     * Subscribes from {@code fromSeq}: hands the held events after it to {@code callback}, then every later
     * one, atomically with appends. Registers nothing and answers false when that cannot be done without a
     * gap: {@code fromSeq} is beyond {@link #lastSeq()}, events after it are no longer held, or more than
     * {@code maxReplay} of them would be replayed.
     */
    boolean resume(long fromSeq, int maxReplay, JournalCallback callback);

    /** Ends every subscription ({@link JournalCallback#onComplete()}); later appends are refused. */
    @Override
    void close();
}
