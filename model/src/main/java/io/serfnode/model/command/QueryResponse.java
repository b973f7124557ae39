package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Payload;
import io.serfnode.model.Require;

/** One member's answer to a query. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueryResponse(
        @JsonProperty(value = "from", required = true) String from,
        @JsonProperty("payload") Payload payload) {

    public QueryResponse {
        Require.text(from, "from");
        payload = payload == null ? Payload.EMPTY : payload;
    }
}
