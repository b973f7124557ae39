package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import java.util.Map;

/**
 * Subscribes the client to the agent's event stream, from scratch or from where it left off. Without a
 * position the agent answers with a snapshot. With {@code streamId} and {@code fromSeq} (same agent,
 * same stream) it replays the events after {@code fromSeq}, or sends a snapshot when it no longer holds
 * them. With {@code counters} (after failing over to another agent) it sends a snapshot whose recent
 * events leave out the supervisor transitions the client already has.
 *
 * @param streamId the stream the client was following, from the agent's welcome
 * @param fromSeq  the last {@code seq} the client received on that stream
 * @param counters per member, the last supervisor transition counter the client received
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"streamId", "fromSeq", "counters"})
public record ResumeMessage(
        @JsonProperty("streamId") String streamId,
        @JsonProperty("fromSeq") Long fromSeq,
        @JsonProperty("counters") Map<String, Long> counters) implements ClientMessage {

    public static final String TYPE = "resume";

    public ResumeMessage {
        counters = counters == null || counters.isEmpty() ? null : Require.mapOf(counters, "counters");
        if (fromSeq != null) {
            Require.notNegative(fromSeq, "fromSeq");
            if (streamId == null) {
                throw new InvalidValueException("streamId", "is required with 'fromSeq': a seq means nothing"
                        + " outside its stream");
            }
            if (counters != null) {
                throw new InvalidValueException("counters", "give either 'fromSeq' or 'counters', not both");
            }
        }
        if (streamId != null) {
            Require.text(streamId, "streamId");
            if (fromSeq == null) {
                throw new InvalidValueException("fromSeq", "is required with 'streamId'");
            }
        }
        if (counters != null) {
            counters.forEach((member, counter) -> Require.notNegative(counter, "counters." + member));
        }
    }

    /** A first subscription: snapshot, then live events. */
    public static ResumeMessage fresh() {
        return new ResumeMessage(null, null, null);
    }

    public static ResumeMessage fromSeq(String streamId, long seq) {
        return new ResumeMessage(streamId, seq, null);
    }

    public static ResumeMessage fromCounters(Map<String, Long> counters) {
        return new ResumeMessage(null, null, counters);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
