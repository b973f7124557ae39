package io.serfnode.bench.soak;

import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the console in the ledger: one WebSocket connection to a member that stays, subscribed from a
 * snapshot, that hands every supervisor transition (member, counter) to the ledger as seen and counts user
 * events. (The real JavaFX console runs beside it, see {@link ConsoleProcess}, for its memory.)
 */
final class ConsoleStandIn implements AutoCloseable {
    private final TransitionLedger ledger;
    private final AtomicLong userEvents = new AtomicLong();
    private final AtomicLong lagged = new AtomicLong();
    private final CompletableFuture<Void> snapshot = new CompletableFuture<>();
    private final ApiConnection connection;

    ConsoleStandIn(URI api, String token, TransitionLedger ledger) {
        this.ledger = ledger;
        this.connection = new ApiConnection("console stand-in", api, token, this::receive);
        connection.send(ResumeMessage.fresh());
    }

    /** Waits until the snapshot arrived: from then on every transition is expected here. */
    void awaitSnapshot() throws Exception {
        snapshot.get(60, TimeUnit.SECONDS);
    }

    long userEvents() {
        return userEvents.get();
    }

    /** How often the agent found this client too slow and sent a fresh snapshot (its recent events repeat). */
    long lagged() {
        return lagged.get();
    }

    List<String> problems() {
        return connection.problems();
    }

    private void receive(ServerMessage message) {
        switch (message) {
            case SnapshotMessage snap -> {
                snap.recentEvents().stream().map(SequencedEvent::event).forEach(this::record);
                snapshot.complete(null);
            }
            case EventMessage event -> record(event.event());
            case LaggedMessage ignored -> lagged.incrementAndGet();
            default -> {
            }
        }
    }

    private void record(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change) {
            ledger.seen(change.member(), change.counter());
        } else if (event instanceof UserEvent) {
            userEvents.incrementAndGet();
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
