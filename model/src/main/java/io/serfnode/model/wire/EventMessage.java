package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;

/**
 * One live event. Within a stream, {@code seq} grows by one per event, so a gap means lost events.
 *
 * @param seq   the event's place in the agent's stream
 * @param event the event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"seq", "event"})
public record EventMessage(
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "seq", required = true) long seq,
        @JsonProperty(value = "event", required = true) ClusterEvent event) implements ServerMessage {

    public static final String TYPE = "event";

    public EventMessage {
        if (seq < 1) {
            throw new InvalidValueException("seq", "must be at least 1, found " + seq);
        }
        Require.present(event, "event");
    }

    public static EventMessage of(SequencedEvent sequenced) {
        return new EventMessage(sequenced.seq(), sequenced.event());
    }

    public SequencedEvent sequenced() {
        return new SequencedEvent(seq, event);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
