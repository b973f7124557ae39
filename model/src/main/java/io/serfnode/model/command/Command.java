package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something an operator asks the cluster to do. On the wire a command is an object whose {@code kind}
 * names the variant.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TriggerEvent.class, name = TriggerEvent.KIND),
        @JsonSubTypes.Type(value = RestartChild.class, name = RestartChild.KIND),
        @JsonSubTypes.Type(value = StopChild.class, name = StopChild.KIND),
        @JsonSubTypes.Type(value = StartChild.class, name = StartChild.KIND),
        @JsonSubTypes.Type(value = SpawnMember.class, name = SpawnMember.KIND),
        @JsonSubTypes.Type(value = LeaveMember.class, name = LeaveMember.KIND),
        @JsonSubTypes.Type(value = ForceLeave.class, name = ForceLeave.KIND),
        @JsonSubTypes.Type(value = SendQuery.class, name = SendQuery.KIND),
        @JsonSubTypes.Type(value = ViewCheck.class, name = ViewCheck.KIND)
})
public sealed interface Command
        permits TriggerEvent, ChildCommand, SpawnMember, LeaveMember, ForceLeave, SendQuery, ViewCheck {

    /** The prefix of Serfnode's own event and query names; operators may not use it. */
    String RESERVED_PREFIX = "serfnode.";

    /** The wire name of this command's kind. */
    String kind();
}
