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
 * A serf query that reached the reporting agent.
 *
 * @param time    when the agent received it
 * @param name    the query name
 * @param payload the query's bytes
 * @param id      serf's id of the query on the receiving agent (used to respond)
 * @param ltime   serf's Lamport time of the query
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "name", "payload", "id", "ltime"})
public record QueryEvent(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("payload") Payload payload,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "id", required = true) long id,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "ltime", required = true) long ltime) implements ClusterEvent {

    public static final String KIND = "query";

    public QueryEvent {
        Require.present(time, "time");
        Require.text(name, "name");
        payload = payload == null ? Payload.EMPTY : payload;
        Require.notNegative(id, "id");
        Require.notNegative(ltime, "ltime");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
