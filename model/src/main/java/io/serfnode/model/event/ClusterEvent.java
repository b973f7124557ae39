package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened in the cluster. On the wire an event is an object whose {@code kind} names the
 * variant.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MemberJoined.class, name = MemberJoined.KIND),
        @JsonSubTypes.Type(value = MemberLeft.class, name = MemberLeft.KIND),
        @JsonSubTypes.Type(value = MemberFailed.class, name = MemberFailed.KIND),
        @JsonSubTypes.Type(value = MemberUpdated.class, name = MemberUpdated.KIND),
        @JsonSubTypes.Type(value = MemberReaped.class, name = MemberReaped.KIND),
        @JsonSubTypes.Type(value = SupervisorStateChanged.class, name = SupervisorStateChanged.KIND),
        @JsonSubTypes.Type(value = UserEvent.class, name = UserEvent.KIND),
        @JsonSubTypes.Type(value = QueryEvent.class, name = QueryEvent.KIND),
        @JsonSubTypes.Type(value = CommandAudit.class, name = CommandAudit.KIND)
})
public sealed interface ClusterEvent
        permits MembershipEvent, SupervisorStateChanged, UserEvent, QueryEvent, CommandAudit {

    /** The wire name of this event's kind. */
    String kind();

    /**
     * When it happened: for supervisor transitions and commands, on the member where it happened; for
     * membership changes, user events and queries, when the reporting agent received it from serf.
     */
    Instant time();
}
