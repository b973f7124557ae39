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
 * @param queueLimit          messages queued for one client; more events make it lag (and resync)
 * @param recentEvents        events in a snapshot's {@code recentEvents}
 * @param historyCapacity     events kept for clients that resume by {@code seq}
 * @param maxFrameBytes       the largest frame read at all; larger frames close the connection (1009)
 * @param wire                the protocol's own limits (client messages above 64 KiB get a too-large error)
 */
public record WsLimits(Duration authTimeout, Duration authFailureDelay, Duration maxAuthFailureDelay,
                       Duration authFailureMemory, int queueLimit, int recentEvents, int historyCapacity,
                       int maxFrameBytes, WireLimits wire) {

    public static final WsLimits DEFAULT = new WsLimits(Duration.ofSeconds(5), Duration.ofMillis(250),
            Duration.ofSeconds(5), Duration.ofMinutes(1), 1024, 200, 10_000, 1024 * 1024, WireLimits.DEFAULT);

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
                recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withAuthFailureDelays(Duration first, Duration max) {
        return new WsLimits(authTimeout, first, max, authFailureMemory, queueLimit, recentEvents,
                historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withQueueLimit(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, value,
                recentEvents, historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withRecentEvents(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                value, historyCapacity, maxFrameBytes, wire);
    }

    public WsLimits withHistoryCapacity(int value) {
        return new WsLimits(authTimeout, authFailureDelay, maxAuthFailureDelay, authFailureMemory, queueLimit,
                recentEvents, value, maxFrameBytes, wire);
    }
}
