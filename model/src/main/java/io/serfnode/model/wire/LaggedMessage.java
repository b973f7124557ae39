package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.Require;

/**
 * The client read too slowly: the agent dropped the events it could not queue for it, and a fresh
 * {@code snapshot} follows at once, then live events again. Replies to commands are never dropped.
 *
 * @param afterSeq the {@code seq} of the last event the agent sent before it stopped (0 when none);
 *                 events after it up to the snapshot's {@code seq} were not sent
 * @param limit    how many messages the agent queues for one client
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"afterSeq", "limit"})
public record LaggedMessage(
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "afterSeq", required = true) long afterSeq,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "limit", required = true) int limit) implements ServerMessage {

    public static final String TYPE = "lagged";

    public LaggedMessage {
        Require.notNegative(afterSeq, "afterSeq");
        Require.positive(limit, "limit");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
