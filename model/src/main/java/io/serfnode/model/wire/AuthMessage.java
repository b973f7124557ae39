package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/**
 * The client's first message: the cluster's shared token. A wrong or missing token closes the socket with
 * code 1008.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthMessage(@JsonProperty(value = "token", required = true) String token) implements ClientMessage {

    public static final String TYPE = "auth";

    public AuthMessage {
        Require.text(token, "token");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "AuthMessage[token=<redacted>]";
    }
}
