package io.serfnode.console.connection;

import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps everything a session delivers, for assertions from the test thread. */
final class RecordingSessionListener implements SessionListener {
    final List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    final AtomicBoolean completed = new AtomicBoolean();
    final AtomicBoolean started = new AtomicBoolean();

    @Override
    public void onStart(Closeable session) {
        started.set(true);
    }

    @Override
    public void onNext(SessionUpdate update) {
        updates.add(update);
    }

    @Override
    public void onError(Throwable failure) {
        error.set(failure);
    }

    @Override
    public void onComplete() {
        completed.set(true);
    }

    List<ConnectionStatus> statuses() {
        return updates.stream().filter(SessionUpdate.StatusChanged.class::isInstance)
                .map(update -> ((SessionUpdate.StatusChanged) update).status()).toList();
    }

    List<SessionUpdate.SnapshotReceived> snapshots() {
        return updates.stream().filter(SessionUpdate.SnapshotReceived.class::isInstance)
                .map(SessionUpdate.SnapshotReceived.class::cast).toList();
    }

    List<SequencedEvent> events() {
        return updates.stream().filter(SessionUpdate.EventReceived.class::isInstance)
                .map(update -> ((SessionUpdate.EventReceived) update).event()).toList();
    }

    /** Every supervisor transition delivered, from snapshots' recent events and live events, in order. */
    List<SupervisorStateChanged> transitions() {
        List<SupervisorStateChanged> transitions = new ArrayList<>();
        for (SessionUpdate update : updates) {
            List<SequencedEvent> events = switch (update) {
                case SessionUpdate.SnapshotReceived snapshot -> snapshot.snapshot().recentEvents();
                case SessionUpdate.EventReceived event -> List.of(event.event());
                case SessionUpdate.StatusChanged status -> List.of();
            };
            events.stream().map(SequencedEvent::event).filter(SupervisorStateChanged.class::isInstance)
                    .map(SupervisorStateChanged.class::cast).forEach(transitions::add);
        }
        return transitions;
    }

    /** One member's child transitions as "FROM>TO", in delivery order. */
    List<String> sequenceOf(String member, String child) {
        return transitions().stream().filter(t -> t.member().equals(member) && t.child().equals(child))
                .map(t -> t.from() + ">" + t.to()).toList();
    }

    ConnectionStatus lastStatus() {
        List<ConnectionStatus> statuses = statuses();
        return statuses.isEmpty() ? null : statuses.getLast();
    }
}
