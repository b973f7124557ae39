package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/**
 * A member a client can fail over to.
 *
 * @param member the member's name
 * @param ws     {@code host:port} of its WebSocket API
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Peer(
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty(value = "ws", required = true) String ws) {

    public Peer {
        Require.text(member, "member");
        Require.text(ws, "ws");
    }
}
