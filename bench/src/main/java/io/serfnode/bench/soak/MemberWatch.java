package io.serfnode.bench.soak;

import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.net.URI;
import java.util.List;

/**
 * The record of a spawned member's own transitions, taken from its own WebSocket API: the harness cannot
 * subscribe to the supervisor of another JVM, but the member's API delivers its local transitions (the
 * snapshot's recent events hold those made before this client connected). Each one is reported to the ledger
 * as produced; transitions of other members on this connection are ignored.
 */
final class MemberWatch implements AutoCloseable {
    private final String member;
    private final TransitionLedger ledger;
    private final ApiConnection connection;

    MemberWatch(String member, URI api, String token, TransitionLedger ledger) {
        this.member = member;
        this.ledger = ledger;
        this.connection = new ApiConnection("watch of " + member, api, token, this::receive);
        connection.send(ResumeMessage.fresh());
    }

    private void receive(ServerMessage message) {
        switch (message) {
            case SnapshotMessage snap -> snap.recentEvents().stream().map(SequencedEvent::event).forEach(this::record);
            case EventMessage event -> record(event.event());
            default -> {
            }
        }
    }

    private void record(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change && change.member().equals(member)) {
            ledger.produced(member, change.counter(), System.nanoTime());
        }
    }

    List<String> problems() {
        return connection.problems();
    }

    /** The member is about to be killed: the connection's end is expected. */
    void expectClose() {
        connection.expectClose();
    }

    @Override
    public void close() {
        connection.close();
    }
}
