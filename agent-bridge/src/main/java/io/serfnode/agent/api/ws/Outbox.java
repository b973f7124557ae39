package io.serfnode.agent.api.ws;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * What one client is still to receive. Callers only queue, never wait for the socket: one sender of this
 * client's own (started on the first message, alive until the client goes) takes what is queued in batches
 * and writes it with blocking writes, so a client that reads slowly holds up nobody but itself. The queue is
 * bounded: when events no longer fit, the queued events are dropped, the client is told it {@code lagged},
 * and once that notice is written the owner resubscribes it with a fresh snapshot. Replies are never
 * dropped; a client that lets more of them pile up than the queue holds is given up on.
 *
 * <p>Past its limit the queue may still grow for a short while (the grace), up to a hard limit: at 20,000
 * events a second 1,024 messages last 51 ms, so a console busy for a moment (a garbage collection, a large
 * snapshot on screen, a busy machine) was resynced, and each resync cost a whole snapshot on both sides, which
 * made the next one likelier. Only a client whose oldest queued event has waited longer than the grace, or
 * that is behind by the hard limit, lags.
 */
final class Outbox {

    /** The most entries the sender takes from the queue at once; each batch ends with one flush. */
    static final int BATCH = 64;

    /**
     * How long the sender waits after a short batch before it looks again, so that a steady stream goes out
     * a few events per write instead of one: at 5,000 events a second, waking every client's sender for
     * every event cost more than the writes. Small next to the delays that matter to a client.
     */
    static final long LINGER_NANOS = 1_000_000;

    /** The connection the messages go out on; used by one sender thread at a time. */
    interface Transport {
        /** Writes one text frame, returning once the socket took it; blocks while the client does not read. */
        void send(String text) throws IOException;

        /** Writes one event's message; a transport that can write the ready-made frame as it is does so. */
        default void send(String text, byte[] frame) throws IOException {
            send(text);
        }

        /** Ends a batch of sends: a transport that gathers frames writes them out now. */
        default void flush() throws IOException {
        }
    }

    /** What the owner does about a client that reads too slowly. */
    interface Owner {
        /** Events were dropped: stop handing events in until {@link #onLagNoticeSent()}. */
        void onLagged();

        /** The client was told it lagged: subscribe it again, starting with {@link #reserveSnapshot()}. */
        void onLagNoticeSent();

        /** More replies are waiting than the queue holds: close the connection. */
        void onRepliesOverflow();

        /** Sending failed; the connection is gone or going. */
        void onSendFailed(Throwable failure);
    }

    /** A place in the queue for a snapshot that is still being put together. */
    static final class SnapshotSlot {
        private volatile SnapshotMessage snapshot;
    }

    private record LagNotice() {
    }

    /** An event and when it was queued, to judge how long the client has been behind. */
    private record QueuedEvent(SequencedEvent event, long queuedAt) {
    }

    private final Transport transport;
    private final Owner owner;
    private final WireCodec codec;
    private final Executor senders;
    private final EventTexts eventTexts;
    private final int limit;
    private final int hardLimit;
    private final long graceNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Deque<Object> queue = new ArrayDeque<>();
    private int queuedReplies;
    private boolean senderStarted;
    private boolean lagging;
    private boolean closed;
    // written and read by the sender only
    private long lastSentSeq;

    Outbox(Transport transport, Owner owner, WireCodec codec, Executor senders, int limit) {
        this(transport, owner, codec, new EventTexts(codec, Math.max(limit, 1)), senders, limit);
    }

    /**
     * @param eventTexts the encoded events, shared by every client of the server
     * @param senders    runs this client's sender, a loop that lasts as long as the client
     */
    Outbox(Transport transport, Owner owner, WireCodec codec, EventTexts eventTexts, Executor senders, int limit) {
        this(transport, owner, codec, eventTexts, senders, limit, limit, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param limit     messages queued before the client may lag; also the most replies waiting
     * @param hardLimit messages queued at most: one more and the client lags, however recent its oldest event
     * @param grace     past {@code limit}, how long the oldest queued event may wait before the client lags
     * @param nanoClock the time, in nanoseconds, that {@code grace} is measured on
     */
    Outbox(Transport transport, Owner owner, WireCodec codec, EventTexts eventTexts, Executor senders, int limit,
           int hardLimit, Duration grace, LongSupplier nanoClock) {
        if (hardLimit < limit) {
            throw new IllegalArgumentException("hardLimit " + hardLimit + " must not be below limit " + limit);
        }
        this.hardLimit = hardLimit;
        this.graceNanos = grace.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.eventTexts = Objects.requireNonNull(eventTexts, "eventTexts");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.limit = limit;
    }

    /** Queues a message that must arrive: welcome, progress, result, error. */
    void reply(ServerMessage message) {
        boolean overflow = false;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            overflow = queuedReplies >= limit;
            if (!overflow) {
                queue.add(message);
                queuedReplies++;
                work.signal();
            }
        } finally {
            lock.unlock();
        }
        if (overflow) {
            owner.onRepliesOverflow();
        } else {
            startSender();
        }
    }

    /**
     * Queues an event; when the queue is full, drops the queued events instead and lets the owner know. The
     * caller is the thread that appends each event for every client: it only queues, and never waits.
     */
    void event(SequencedEvent event) {
        boolean lagged = false;
        lock.lock();
        try {
            if (closed || lagging) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (queue.size() >= limit && (queue.size() >= hardLimit || behindLongerThanGrace(now))) {
                queue.removeIf(entry -> entry instanceof QueuedEvent || entry instanceof SnapshotSlot);
                queue.add(new LagNotice());
                lagging = true;
                lagged = true;
            } else {
                queue.add(new QueuedEvent(event, now));
            }
            work.signal();
        } finally {
            lock.unlock();
        }
        if (lagged) {
            owner.onLagged();
        }
        startSender();
    }

    /**
     * Whether the oldest queued event has waited longer than the grace; a reply or a snapshot still being made
     * at the head goes out soon, so only the hard limit applies then. Called with the lock held.
     */
    private boolean behindLongerThanGrace(long now) {
        return queue.peek() instanceof QueuedEvent oldest && now - oldest.queuedAt() > graceNanos;
    }

    /** Holds the next place in the queue for a snapshot; events queued after it wait for it. */
    SnapshotSlot reserveSnapshot() {
        SnapshotSlot slot = new SnapshotSlot();
        lock.lock();
        try {
            lagging = false;
            if (!closed) {
                queue.add(slot);
            }
        } finally {
            lock.unlock();
        }
        return slot;
    }

    void fill(SnapshotSlot slot, SnapshotMessage snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        lock.lock();
        try {
            slot.snapshot = snapshot;
            work.signal();
        } finally {
            lock.unlock();
        }
        startSender();
    }

    /** Drops what is queued and lets the sender end; a write under way ends when the connection does. */
    void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        return limit;
    }

    private void startSender() {
        lock.lock();
        try {
            if (senderStarted || closed) {
                return;
            }
            senderStarted = true;
        } finally {
            lock.unlock();
        }
        senders.execute(this::sendUntilClosed);
    }

    private void sendUntilClosed() {
        List<Object> batch = new ArrayList<>(BATCH);
        try {
            while (takeBatch(batch)) {
                for (Object entry : batch) {
                    send(entry);
                }
                transport.flush();
                boolean shortBatch = batch.size() < BATCH;
                batch.clear();
                if (shortBatch) {
                    LockSupport.parkNanos(LINGER_NANOS);
                }
            }
        } catch (InterruptedException stopping) {
            // the server is shutting down its senders
        } catch (IOException | RuntimeException failure) {
            boolean wasOpen;
            lock.lock();
            try {
                wasOpen = !closed;
                closed = true;
                queue.clear();
            } finally {
                lock.unlock();
            }
            if (wasOpen) {
                owner.onSendFailed(failure);
            }
        }
    }

    /** Waits for something to send; false once the outbox is closed. */
    private boolean takeBatch(List<Object> batch) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !headReady()) {
                work.await();
            }
            if (closed) {
                return false;
            }
            while (batch.size() < BATCH && headReady()) {
                Object next = queue.poll();
                if (next instanceof ServerMessage) {
                    queuedReplies--;
                }
                batch.add(next);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean headReady() {
        Object head = queue.peek();
        return head != null && !(head instanceof SnapshotSlot slot && slot.snapshot == null);
    }

    private void send(Object entry) throws IOException {
        switch (entry) {
            case QueuedEvent queued -> {
                EventTexts.Encoded encoded = eventTexts.encoded(queued.event());
                transport.send(encoded.text(), encoded.frame());
                lastSentSeq = queued.event().seq();
            }
            case SnapshotSlot slot -> {
                transport.send(codec.encode(slot.snapshot));
                lastSentSeq = slot.snapshot.seq();
            }
            case LagNotice notice -> {
                transport.send(codec.encode(new LaggedMessage(lastSentSeq, limit)));
                transport.flush();
                owner.onLagNoticeSent();
            }
            case ServerMessage reply -> transport.send(codec.encode(reply));
            default -> throw new IllegalStateException("unexpected queue entry " + entry);
        }
    }
}
