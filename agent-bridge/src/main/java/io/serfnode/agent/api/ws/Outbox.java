package io.serfnode.agent.api.ws;

import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What one client is still to receive, sent one message at a time without ever blocking the caller. The
 * queue is bounded: when events no longer fit, the queued events are dropped, the client is told it
 * {@code lagged}, and once that notice is sent the owner resubscribes it with a fresh snapshot. Replies are
 * never dropped; a client that lets more of them pile up than the queue holds is given up on.
 */
final class Outbox {

    /** The connection the messages go out on. */
    interface Transport {
        /** Starts sending; {@code whenSent} gets null once the text is written, or the failure. */
        void send(String text, Consumer<Throwable> whenSent);
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

    private final Transport transport;
    private final Owner owner;
    private final WireCodec codec;
    private final Executor sender;
    private final EventTexts eventTexts;
    private final int limit;
    private final Deque<Object> queue = new ArrayDeque<>();
    private int queuedReplies;
    private boolean sending;
    private boolean pumpScheduled;
    private boolean lagging;
    private boolean closed;
    private long lastSentSeq;

    Outbox(Transport transport, Owner owner, WireCodec codec, Executor sender, int limit) {
        this(transport, owner, codec, new EventTexts(codec, Math.max(limit, 1)), sender, limit);
    }

    /** @param eventTexts the encoded events, shared by every client of the server */
    Outbox(Transport transport, Owner owner, WireCodec codec, EventTexts eventTexts, Executor sender, int limit) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.eventTexts = Objects.requireNonNull(eventTexts, "eventTexts");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.limit = limit;
    }

    /** Queues a message that must arrive: welcome, progress, result, error. */
    void reply(ServerMessage message) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = queuedReplies >= limit;
            if (!overflow) {
                queue.add(message);
                queuedReplies++;
            }
        }
        if (overflow) {
            owner.onRepliesOverflow();
        } else {
            pump();
        }
    }

    /** Queues an event; when the queue is full, drops the queued events instead and lets the owner know. */
    void event(SequencedEvent event) {
        boolean lagged = false;
        synchronized (this) {
            if (closed || lagging) {
                return;
            }
            if (queue.size() >= limit) {
                queue.removeIf(entry -> entry instanceof SequencedEvent || entry instanceof SnapshotSlot);
                queue.add(new LagNotice());
                lagging = true;
                lagged = true;
            } else {
                queue.add(event);
            }
        }
        if (lagged) {
            owner.onLagged();
        }
        // the caller is the thread that appended the event for every client: it only queues, the
        // encoding and the socket write happen on the sender
        schedulePump();
    }

    private void schedulePump() {
        synchronized (this) {
            if (sending || pumpScheduled || closed) {
                return;
            }
            pumpScheduled = true;
        }
        sender.execute(this::pump);
    }

    /** Holds the next place in the queue for a snapshot; events queued after it wait for it. */
    synchronized SnapshotSlot reserveSnapshot() {
        SnapshotSlot slot = new SnapshotSlot();
        lagging = false;
        if (!closed) {
            queue.add(slot);
        }
        return slot;
    }

    void fill(SnapshotSlot slot, SnapshotMessage snapshot) {
        slot.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        pump();
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized int size() {
        return queue.size();
    }

    int limit() {
        return limit;
    }

    private void pump() {
        Object next;
        synchronized (this) {
            pumpScheduled = false;
            if (sending || closed || queue.isEmpty()) {
                return;
            }
            Object head = queue.peek();
            if (head instanceof SnapshotSlot slot && slot.snapshot == null) {
                return;
            }
            next = queue.poll();
            if (next instanceof ServerMessage) {
                queuedReplies--;
            }
            sending = true;
        }
        if (next instanceof SequencedEvent event) {
            String shared;
            try {
                shared = eventTexts.text(event);
            } catch (RuntimeException failure) {
                whenSent(EventMessage.of(event), failure);
                return;
            }
            sendText(EventMessage.of(event), shared);
            return;
        }
        ServerMessage message = switch (next) {
            case SnapshotSlot slot -> slot.snapshot;
            case LagNotice notice -> new LaggedMessage(lastSentSeqNow(), limit);
            case ServerMessage reply -> reply;
            default -> throw new IllegalStateException("unexpected queue entry " + next);
        };
        String text;
        try {
            text = codec.encode(message);
        } catch (RuntimeException failure) {
            whenSent(message, failure);
            return;
        }
        sendText(message, text);
    }

    private void sendText(ServerMessage message, String text) {
        try {
            transport.send(text, failure -> whenSent(message, failure));
        } catch (RuntimeException failure) {
            whenSent(message, failure);
        }
    }

    private synchronized long lastSentSeqNow() {
        return lastSentSeq;
    }

    private void whenSent(ServerMessage message, Throwable failure) {
        synchronized (this) {
            sending = false;
            if (failure == null) {
                if (message instanceof EventMessage event) {
                    lastSentSeq = event.seq();
                } else if (message instanceof SnapshotMessage snapshot) {
                    lastSentSeq = snapshot.seq();
                }
            } else {
                closed = true;
                queue.clear();
            }
        }
        if (failure != null) {
            owner.onSendFailed(failure);
            return;
        }
        if (message instanceof LaggedMessage) {
            owner.onLagNoticeSent();
        }
        // on another thread: a transport that completes at once must not recurse through a long queue
        sender.execute(this::pump);
    }
}
