package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Payload;

/**
 * Fires a serf user event across the cluster.
 *
 * @param name     the event name; must not start with {@code serfnode.}
 * @param payload  the event's bytes (empty when absent)
 * @param coalesce let serf coalesce events of the same name that arrive close together (default false:
 *                 every event is delivered)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "payload", "coalesce"})
public record TriggerEvent(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("coalesce") boolean coalesce) implements Command {

    public static final String KIND = "trigger-event";

    public TriggerEvent {
        EventNames.operatorName(name, "name");
        payload = payload == null ? Payload.EMPTY : payload;
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
