package io.serfnode.console.connection;

import io.serfnode.model.SupervisorState;
import io.serfnode.model.Payload;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import java.time.Instant;

/** Small events for unit tests. */
final class Events {
    private static final Instant TIME = Instant.parse("2025-01-31T12:00:00Z");

    private Events() {
    }

    static SupervisorStateChanged transition(String member, long counter) {
        return new SupervisorStateChanged(TIME, member, "app", SupervisorState.RUNNING, SupervisorState.EXITED, 9, 1,
                counter);
    }

    static UserEvent userEvent(String name) {
        return new UserEvent(TIME, name, Payload.ofText(""), false, 1);
    }

    static EventMessage event(long seq, io.serfnode.model.event.ClusterEvent event) {
        return new EventMessage(seq, event);
    }

    static SequencedEvent sequenced(long seq, io.serfnode.model.event.ClusterEvent event) {
        return new SequencedEvent(seq, event);
    }
}
