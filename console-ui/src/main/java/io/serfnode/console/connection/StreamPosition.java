package io.serfnode.console.connection;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the delivered stream stands, so that it stays exactly once and in order across reconnects and
 * failovers: the stream and last {@code seq} of the agent in use, and per member the last supervisor
 * transition counter delivered (the one key that means the same on every agent).
 *
 * <p>Not thread-safe: owned by the session's thread.
 */
final class StreamPosition {

    /** What to do with one live event. */
    sealed interface EventDecision {
        /** Hand it to the listener. */
        record Deliver(SequencedEvent event) implements EventDecision {
        }

        /** Already delivered (same stream, or the same transition through another agent). */
        record Duplicate() implements EventDecision {
        }

        /** Events are missing before this one: the stream must be resumed. */
        record Gap(long expectedSeq, long foundSeq) implements EventDecision {
        }
    }

    // a mutable counter per member: boxing a new Long for every transition was a good part of the session's garbage
    private final Map<String, LastCounter> counters = new HashMap<>();
    private String streamId;
    private long lastSeq;
    private boolean subscribed;

    /** The resume message for an agent whose welcome carried {@code welcomeStreamId}. */
    ResumeMessage resumeFor(String welcomeStreamId) {
        if (subscribed && welcomeStreamId.equals(streamId)) {
            return ResumeMessage.fromSeq(streamId, lastSeq);
        }
        if (!counters.isEmpty()) {
            return ResumeMessage.fromCounters(counters());
        }
        return ResumeMessage.fresh();
    }

    /** Remembers which stream the next snapshot or events belong to (from the agent's welcome). */
    void following(String welcomeStreamId) {
        if (!welcomeStreamId.equals(streamId)) {
            // another stream: its seq numbers mean nothing next to the old ones
            streamId = welcomeStreamId;
            lastSeq = 0;
            subscribed = false;
        }
    }

    /**
     * Takes a snapshot as the new base of the stream and returns it as it should be delivered: its recent
     * events without the supervisor transitions delivered before (through whichever agent).
     */
    SnapshotMessage acceptSnapshot(SnapshotMessage snapshot) {
        List<SequencedEvent> fresh = new ArrayList<>(snapshot.recentEvents().size());
        for (SequencedEvent event : snapshot.recentEvents()) {
            if (isNewTransitionOrOther(event)) {
                fresh.add(event);
                remember(event);
            }
        }
        lastSeq = snapshot.seq();
        subscribed = true;
        if (fresh.size() == snapshot.recentEvents().size()) {
            return snapshot;
        }
        return new SnapshotMessage(snapshot.seq(), snapshot.members(), snapshot.children(), fresh);
    }

    /** Decides about one live event and, when it is delivered, moves the position past it. */
    EventDecision acceptEvent(EventMessage message) {
        long seq = message.seq();
        if (seq <= lastSeq) {
            return new EventDecision.Duplicate();
        }
        if (seq != lastSeq + 1) {
            return new EventDecision.Gap(lastSeq + 1, seq);
        }
        lastSeq = seq;
        SequencedEvent event = message.sequenced();
        if (!isNewTransitionOrOther(event)) {
            return new EventDecision.Duplicate();
        }
        remember(event);
        return new EventDecision.Deliver(event);
    }

    /** The last supervisor transition counter delivered per member. */
    Map<String, Long> counters() {
        Map<String, Long> copy = new HashMap<>(counters.size() * 2);
        counters.forEach((member, last) -> copy.put(member, last.value));
        return Map.copyOf(copy);
    }

    String streamId() {
        return streamId;
    }

    long lastSeq() {
        return lastSeq;
    }

    private boolean isNewTransitionOrOther(SequencedEvent event) {
        if (event.event() instanceof SupervisorStateChanged change) {
            LastCounter last = counters.get(change.member());
            return change.counter() > (last == null ? 0L : last.value);
        }
        return true;
    }

    private void remember(SequencedEvent event) {
        if (event.event() instanceof SupervisorStateChanged change) {
            LastCounter last = counters.computeIfAbsent(change.member(), member -> new LastCounter());
            last.value = Math.max(last.value, change.counter());
        }
    }

    private static final class LastCounter {
        private long value;
    }
}
