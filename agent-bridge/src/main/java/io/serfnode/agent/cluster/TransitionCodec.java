package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfLimitExceededException;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.Child;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Instant;
import java.util.Objects;

/**
 * Encodes supervisor transitions as {@code serfnode.sv} payloads and reads them back.
 *
 * <p>The time travels in epoch milliseconds. The child's summary is added only when the whole event still
 * fits serf's user event size; with member and child names within {@link ClusterNames#MAX_NAME_BYTES} the
 * rest always fits the default limit.
 */
public final class TransitionCodec {
    /** The version of the payload format; bumped only for changes old readers would misread. */
    public static final int VERSION = 1;

    private final SerfLimits limits;

    public TransitionCodec(SerfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A codec for agents with serf's default limits. */
    public static TransitionCodec withDefaultLimits() {
        return new TransitionCodec(SerfLimits.DEFAULTS);
    }

    /**
     * The payload of one transition.
     *
     * @param child the child's declaration, for its runtime and summary; {@code null} when unknown
     * @throws IllegalArgumentException   when the member or child name is over its limit
     * @throws SerfLimitExceededException when the event would still be over serf's size (smaller limits)
     */
    public byte[] encode(SupervisorStateChanged event, Child child) {
        Objects.requireNonNull(event, "event");
        ClusterNames.checkMemberName(event.member());
        ClusterNames.checkChildName(event.child());
        TransitionPayload full = payloadOf(new ChildTransition(event, child == null ? null : child.runtime(),
                child == null ? null : child.summary()));
        byte[] payload = write(full);
        if (full.summary() != null && !fits(payload)) {
            payload = write(full.withoutSummary());
        }
        limits.checkUserEvent(ClusterNames.TRANSITION_EVENT, payload);
        return payload;
    }

    /**
     * Reads a payload.
     *
     * @throws ClusterPayloadException naming what is wrong, for anything but a valid payload of this version
     */
    public ChildTransition decode(byte[] payload) {
        TransitionPayload read = ClusterJson.read(payload, TransitionPayload.class, ClusterNames.TRANSITION_EVENT,
                "payload");
        if (read.version() != VERSION) {
            throw new ClusterPayloadException(ClusterNames.TRANSITION_EVENT + " payload version " + read.version()
                    + " is not the version this agent reads (" + VERSION + ")");
        }
        try {
            return transitionOf(read);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new ClusterPayloadException("invalid " + ClusterNames.TRANSITION_EVENT + " payload: "
                    + e.getMessage(), e);
        }
    }

    /** The payload of a transition, in this version. */
    static TransitionPayload payloadOf(ChildTransition transition) {
        SupervisorStateChanged event = transition.event();
        return new TransitionPayload(VERSION, event.member(), event.child(), event.from(), event.to(),
                event.time().toEpochMilli(), event.exitCode(), event.attempt(), event.counter(),
                transition.runtime(), transition.summary());
    }

    /**
     * The transition a payload of this version carries.
     *
     * @throws IllegalArgumentException or {@link java.time.DateTimeException} naming an invalid value
     */
    static ChildTransition transitionOf(TransitionPayload read) {
        SupervisorStateChanged event = new SupervisorStateChanged(Instant.ofEpochMilli(read.time()),
                read.member(), read.child(), read.from(), read.to(), read.exitCode(), read.attempt(),
                read.counter());
        return new ChildTransition(event, read.runtime(), read.summary());
    }

    private boolean fits(byte[] payload) {
        try {
            limits.checkUserEvent(ClusterNames.TRANSITION_EVENT, payload);
            return true;
        } catch (SerfLimitExceededException e) {
            return false;
        }
    }

    private static byte[] write(TransitionPayload payload) {
        return ClusterJson.write(payload);
    }
}
