package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from an agent to a client. On the wire: a JSON object whose {@code type} names the variant
 * and whose {@code v} is the protocol version.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WelcomeMessage.class, name = WelcomeMessage.TYPE),
        @JsonSubTypes.Type(value = SnapshotMessage.class, name = SnapshotMessage.TYPE),
        @JsonSubTypes.Type(value = EventMessage.class, name = EventMessage.TYPE),
        @JsonSubTypes.Type(value = ResultMessage.class, name = ResultMessage.TYPE),
        @JsonSubTypes.Type(value = ErrorMessage.class, name = ErrorMessage.TYPE),
        @JsonSubTypes.Type(value = ProgressMessage.class, name = ProgressMessage.TYPE),
        @JsonSubTypes.Type(value = LaggedMessage.class, name = LaggedMessage.TYPE)
})
public sealed interface ServerMessage
        permits WelcomeMessage, SnapshotMessage, EventMessage, ResultMessage, ErrorMessage, ProgressMessage,
        LaggedMessage {
    /** The wire name of this message's type. */
    String type();
}
