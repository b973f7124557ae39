package io.serfnode.console.session;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;

/** One item of a session's stream. */
public sealed interface SessionUpdate {

    /** Where the connection stands: shown in the status bar. */
    record StatusChanged(ConnectionStatus status) implements SessionUpdate {
    }

    /** The whole cluster as the agent saw it: replaces everything derived before. */
    record SnapshotReceived(WelcomeMessage welcome, SnapshotMessage snapshot) implements SessionUpdate {
    }

    /** The next event, exactly once and in order. */
    record EventReceived(SequencedEvent event) implements SessionUpdate {
    }
}
