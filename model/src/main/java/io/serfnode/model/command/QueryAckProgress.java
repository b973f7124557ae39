package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/** A member acknowledged receipt of a query sent with {@code requestAck}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueryAckProgress(@JsonProperty(value = "from", required = true) String from) implements Progress {

    public static final String KIND = "query-ack";

    public QueryAckProgress {
        Require.text(from, "from");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
