package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.Payload;
import io.serfnode.model.Require;
import java.time.Instant;

/**
 * A serf user event that reached the reporting agent (Serfnode's own {@code serfnode.} events are turned
 * into their own kinds and not reported here).
 *
 * @param time     when the agent received it
 * @param name     the event name
 * @param payload  the event's bytes
 * @param coalesce whether the sender allowed serf to coalesce it
 * @param ltime    serf's Lamport time of the event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "name", "payload", "coalesce", "ltime"})
public record UserEvent(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("coalesce") boolean coalesce,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "ltime", required = true) long ltime) implements ClusterEvent {

    public static final String KIND = "user-event";

    public UserEvent {
        Require.present(time, "time");
        Require.text(name, "name");
        payload = payload == null ? Payload.EMPTY : payload;
        Require.notNegative(ltime, "ltime");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
