package io.serfnode.bench.console;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionUpdate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real session with a tally in front of the view model: how many events and snapshots the session handed
 * on, and any break in their {@code seq} (a gap or a repeat) — the console's own loss detection should never
 * let one through, and a {@code lagged} agent shows up as a second snapshot.
 */
final class CountingSession extends ObservedSession {
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong seqBreaks = new AtomicLong();
    private final AtomicLong firstSnapshotNanos = new AtomicLong();
    private final AtomicLong firstConnectedNanos = new AtomicLong();
    private volatile long lastSeq = -1;

    CountingSession(ClusterSession delegate) {
        super(delegate);
    }

    @Override
    protected void observe(SessionUpdate update) {
        if (update instanceof SessionUpdate.StatusChanged status
                && status.status().phase() == ConnectionStatus.Phase.CONNECTED) {
            firstConnectedNanos.compareAndSet(0, System.nanoTime());
        } else if (update instanceof SessionUpdate.SnapshotReceived snapshot) {
            firstSnapshotNanos.compareAndSet(0, System.nanoTime());
            snapshots.incrementAndGet();
            lastSeq = snapshot.snapshot().seq();
        } else if (update instanceof SessionUpdate.EventReceived event) {
            long seq = event.event().seq();
            if (lastSeq >= 0 && seq != lastSeq + 1) {
                seqBreaks.incrementAndGet();
            }
            lastSeq = seq;
            events.incrementAndGet();
        }
    }

    long events() {
        return events.get();
    }

    long snapshots() {
        return snapshots.get();
    }

    long seqBreaks() {
        return seqBreaks.get();
    }

    long lastSeq() {
        return lastSeq;
    }

    /** When the session was first connected (the agent's {@code welcome} read), 0 before. */
    long firstConnectedNanos() {
        return firstConnectedNanos.get();
    }

    /** When the session received its first snapshot ({@link System#nanoTime()}), 0 before. */
    long firstSnapshotNanos() {
        return firstSnapshotNanos.get();
    }
}
