package io.serfnode.agent.api.ws;

import io.serfnode.model.wire.WireLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How much the API allows and keeps.
 *
 * @param authTimeout         how long a new connection may take to authenticate
 * @param authFailureDelay    the wait before closing after a first failed authentication from an address
 * @param maxAuthFailureDelay the wait never grows beyond this, however often an address fails
 * @param authFailureMemory   an address that has not failed for this long starts over
 * @param queueLimit          messages queued for one client; more events make it lag (and resync) once the
 *                            oldest of them has waited longer than {@code queueGrace}
 * @param queueGrace          how long a client may stay behind by more than {@code queueLimit} messages
 * @param queueHardLimit      messages queued for one client at most, however briefly it is behind
 * @param recentEvents        events in a snapshot's {@code recentEvents}
 * @param historyCapacity     events kept for clients that resume by {@code seq}
 * @param maxFrameBytes       the largest frame read at all; larger frames close the connection (1009)
 * @param wire                the protocol's own limits (client messages above 64 KiB get a too-large error)
 */
public record WsLimits(Duration authTimeout, Duration authFailureDelay, Duration maxAuthFailureDelay,
                       Duration authFailureMemory, int queueLimit, Duration queueGrace, int queueHardLimit,
                       int recentEvents, int historyCapacity, int maxFrameBytes, WireLimits wire) {

    /**
     * A client may fall 1,024 messages behind, and for up to a second up to 16,384 (0.8 s at 20,000 events a
     * second): a console busy for a moment catches up instead of costing a whole snapshot on both sides.
     */
    public static final WsLimits DEFAULT = new WsLimits(Duration.ofSeconds(5), Duration.ofMillis(250),
            Duration.ofSeconds(5), Duration.ofMinutes(1), 1024, Duration.ofSeconds(1), 16 * 1024, 200, 10_000,
            1024 * 1024, WireLimits.DEFAULT);

    public WsLimits {
        positive(authTimeout, "authTimeout");
        positive(authFailureDelay, "authFailureDelay");
        positive(maxAuthFailureDelay, "maxAuthFailureDelay");
        positive(authFailureMemory, "authFailureMemory");
        if (maxAuthFailureDelay.compareTo(authFailureDelay) < 0) {
            throw new IllegalArgumentException("maxAuthFailureDelay " + maxAuthFailureDelay
                    + " must not be shorter than authFailureDelay " + authFailureDelay);
        }
        atLeast(queueLimit, 1, "queueLimit");
        Objects.requireNonNull(queueGrace, "queueGrace");
        if (queueGrace.isNegative()) {
            throw new IllegalArgumentException("queueGrace must not be negative, found " + queueGrace);
        }
        if (queueHardLimit < queueLimit) {
            throw new IllegalArgumentException("queueHardLimit " + queueHardLimit + " must not be below queueLimit "
                    + queueLimit);
        }
        atLeast(recentEvents, 0, "recentEvents");
        atLeast(historyCapacity, 1, "historyCapacity");
        Objects.requireNonNull(wire, "wire");
        if (maxFrameBytes < wire.maxClientMessageBytes()) {
            throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " must be at least the client"
                    + " message limit " + wire.maxClientMessageBytes() + ", so that larger messages get an error");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
    }

    private static void atLeast(int value, int least, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", found " + value);
        }
    }

    public WsLimits withAuthTimeout(Duration value) {
        return new WsLimits(value, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                queueGrace, queueHardLimit, recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withAuthFailureDelays(Duration first, Duration max) {
        return new WsLimits(authTimeout, first, max, authFailureMemory, queueLimit, queueGrace,
                queueHardLimit, recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    /** A queue of {@code value} messages; the hard limit grows with it when it would fall below. */
    public WsLimits withQueueLimit(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, value,
                queueGrace, Math.max(value, queueHardLimit), recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    /** How long a client may stay behind past the queue limit, up to {@code hardLimit} messages. */
    public WsLimits withQueueGrace(Duration grace, int hardLimit) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                grace, hardLimit, recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    /** The queue as it was: a client lags as soon as more than the queue limit is waiting. */
    public WsLimits withoutQueueGrace() {
        return withQueueGrace(Duration.ZERO, queueLimit);
    }

    public WsLimits withRecentEvents(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                queueGrace, queueHardLimit, value, historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withHistoryCapacity(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                queueGrace, queueHardLimit, recentEvents, value, maxFrameBytes, wire);
    }
}
