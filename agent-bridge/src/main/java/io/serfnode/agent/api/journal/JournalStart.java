package io.serfnode.agent.api.journal;

import io.serfnode.model.event.SequencedEvent;
import java.util.List;

/**
 * Where a fresh subscription starts: the events delivered to it are exactly those after {@code seq}.
 *
 * @param seq    the last {@code seq} appended before the subscription (0 when none)
 * @param recent the latest events up to and including {@code seq}, oldest first
 */
public record JournalStart(long seq, List<SequencedEvent> recent) {
    public JournalStart {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, found " + seq);
        }
        recent = List.copyOf(recent);
    }
}
