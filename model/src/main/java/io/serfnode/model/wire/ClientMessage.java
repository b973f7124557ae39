package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from a client (the console) to an agent. On the wire: a JSON object whose {@code type} names
 * the variant and whose {@code v} is the protocol version.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AuthMessage.class, name = AuthMessage.TYPE),
        @JsonSubTypes.Type(value = ResumeMessage.class, name = ResumeMessage.TYPE),
        @JsonSubTypes.Type(value = CommandMessage.class, name = CommandMessage.TYPE)
})
public sealed interface ClientMessage permits AuthMessage, ResumeMessage, CommandMessage {
    /** The wire name of this message's type. */
    String type();
}
