package io.serfnode.agent.api.journal;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/** An {@link EventJournal} that keeps the latest {@code capacity} events in a ring. */
public final class RingEventJournal implements EventJournal {
    /** The protocol promises clients at least this much history. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final String streamId;
    private final SequencedEvent[] ring;
    private final ComponentLog log;
    private final ReentrantLock lock = new ReentrantLock();
    // copy-on-write: a callback may unsubscribe while the journal iterates over the subscribers
    private final List<JournalCallback> subscribers = new CopyOnWriteArrayList<>();
    private long lastSeq;
    private boolean closed;

    public RingEventJournal(String streamId, int capacity, ComponentLog log) {
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        if (streamId.isBlank()) {
            throw new IllegalArgumentException("streamId must not be blank");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
        }
        this.ring = new SequencedEvent[capacity];
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A journal with a random stream id and the default capacity. */
    public static RingEventJournal create(ComponentLog log) {
        return new RingEventJournal(UUID.randomUUID().toString(), DEFAULT_CAPACITY, log);
    }

    @Override
    public String streamId() {
        return streamId;
    }

    public int capacity() {
        return ring.length;
    }

    @Override
    public SequencedEvent append(ClusterEvent event) {
        Objects.requireNonNull(event, "event");
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the journal of stream " + streamId + " is closed");
            }
            SequencedEvent sequenced = new SequencedEvent(++lastSeq, event);
            ring[slot(sequenced.seq())] = sequenced;
            for (JournalCallback subscriber : subscribers) {
                deliver(subscriber, sequenced);
            }
            return sequenced;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public JournalStart subscribe(int recentLimit, JournalCallback callback) {
        Objects.requireNonNull(callback, "callback");
        if (recentLimit < 0) {
            throw new IllegalArgumentException("recentLimit must not be negative, found " + recentLimit);
        }
        lock.lock();
        try {
            long from = Math.max(oldestHeld(), lastSeq - recentLimit + 1);
            JournalStart start = new JournalStart(lastSeq, held(from));
            register(callback);
            return start;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean resume(long fromSeq, int maxReplay, JournalCallback callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            boolean inStream = fromSeq >= 0 && fromSeq <= lastSeq;
            boolean allHeld = fromSeq + 1 >= oldestHeld();
            if (!inStream || !allHeld || lastSeq - fromSeq > maxReplay) {
                return false;
            }
            register(callback);
            for (SequencedEvent missed : held(fromSeq + 1)) {
                deliver(callback, missed);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (JournalCallback subscriber : subscribers) {
                try {
                    subscriber.onComplete();
                } catch (RuntimeException failure) {
                    log.warn(failure, "a subscriber of stream %s failed on completion", streamId);
                }
            }
            subscribers.clear();
        } finally {
            lock.unlock();
        }
    }

    private void register(JournalCallback callback) {
        if (closed) {
            callback.onComplete();
            return;
        }
        subscribers.add(callback);
        Closeable subscription = () -> subscribers.remove(callback);
        callback.onStart(subscription);
    }

    private void deliver(JournalCallback subscriber, SequencedEvent event) {
        try {
            subscriber.onNext(event);
        } catch (RuntimeException failure) {
            // one broken subscriber must not cost the others their events
            log.warn(failure, "a subscriber of stream %s failed on event %d; it is dropped", streamId, event.seq());
            subscribers.remove(subscriber);
        }
    }

    /** The oldest seq still in the ring; lastSeq + 1 when the ring is empty. */
    private long oldestHeld() {
        return Math.max(1, lastSeq - ring.length + 1);
    }

    private List<SequencedEvent> held(long from) {
        List<SequencedEvent> events = new ArrayList<>((int) Math.max(0, lastSeq - from + 1));
        for (long seq = Math.max(from, oldestHeld()); seq <= lastSeq; seq++) {
            events.add(ring[slot(seq)]);
        }
        return events;
    }

    private int slot(long seq) {
        return (int) ((seq - 1) % ring.length);
    }
}
