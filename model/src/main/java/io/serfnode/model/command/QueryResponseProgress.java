package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Payload;
import io.serfnode.model.Require;

/** A member answered a query; the same answer is part of the final {@code query-answers} value. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"from", "payload"})
public record QueryResponseProgress(
        @JsonProperty(value = "from", required = true) String from,
        @JsonProperty("payload") Payload payload) implements Progress {

    public static final String KIND = "query-response";

    public QueryResponseProgress {
        Require.text(from, "from");
        payload = payload == null ? Payload.EMPTY : payload;
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
