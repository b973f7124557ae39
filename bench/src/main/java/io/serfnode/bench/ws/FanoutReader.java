package io.serfnode.bench.ws;

import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One client's view of the fan-out stream: checks every emitted event arrives exactly once and in order,
 * and keeps its delay from emission to receipt. Called by one socket's listener, one message at a time.
 */
final class FanoutReader implements TimedClient.Receiver {
    private final long totalEvents;
    private final long warmupEvents;
    private final long[] delays;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private int measured;
    private long nextPayloadSeq;
    private long lastStreamSeq = -1;
    private long received;
    private int lagged;
    private long outOfOrder;
    private volatile String failure;

    FanoutReader(long totalEvents, long warmupEvents) {
        this.totalEvents = totalEvents;
        this.warmupEvents = warmupEvents;
        this.delays = new long[Math.toIntExact(totalEvents - warmupEvents)];
    }

    @Override
    public void onMessage(ServerMessage message, long receivedNanos) {
        switch (message) {
            case WelcomeMessage welcome -> { }
            case SnapshotMessage snapshot -> {
                lastStreamSeq = snapshot.seq();
                subscribed.countDown();
            }
            case LaggedMessage lag -> lagged++;
            case EventMessage event when event.event() instanceof UserEvent user -> accept(event.seq(), user,
                    receivedNanos);
            default -> fail("unexpected message " + message.getClass().getSimpleName());
        }
    }

    private void accept(long streamSeq, UserEvent user, long receivedNanos) {
        String[] parts = new String(user.payload().bytes(), StandardCharsets.US_ASCII).split(" ", 2);
        long payloadSeq = Long.parseLong(parts[0]);
        long emitted = Long.parseLong(parts[1]);
        if (payloadSeq != nextPayloadSeq || streamSeq != lastStreamSeq + 1) {
            outOfOrder++;
        }
        nextPayloadSeq = payloadSeq + 1;
        lastStreamSeq = streamSeq;
        received++;
        if (payloadSeq >= warmupEvents && measured < delays.length) {
            delays[measured++] = receivedNanos - emitted;
        }
        if (payloadSeq == totalEvents - 1) {
            finished.countDown();
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error.toString());
    }

    private void fail(String reason) {
        failure = reason;
        subscribed.countDown();
        finished.countDown();
    }

    CountDownLatch subscribed() {
        return subscribed;
    }

    CountDownLatch finished() {
        return finished;
    }

    /** Read after {@link #finished()} opened, or after giving up on it. */
    Result result() {
        return new Result(received, lagged, outOfOrder, failure, delays, measured);
    }

    record Result(long received, int lagged, long outOfOrder, String failure, long[] delays, int measured) {
    }
}
