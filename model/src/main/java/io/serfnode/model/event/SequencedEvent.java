package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;

/**
 * An event with its place in one agent's event stream.
 *
 * @param seq   the position, starting at 1 and increasing by one per event within one stream
 * @param event the event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"seq", "event"})
public record SequencedEvent(
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "seq", required = true) long seq,
        @JsonProperty(value = "event", required = true) ClusterEvent event) {

    public SequencedEvent {
        if (seq < 1) {
            throw new InvalidValueException("seq", "must be at least 1, found " + seq);
        }
        Require.present(event, "event");
    }
}
