package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Require;
import java.util.List;

/**
 * The agent's answer to a good {@code auth}. The protocol version is the message's {@code v}.
 *
 * @param agent    the name of the member the client is talking to
 * @param streamId identifies this agent's event stream; it changes when the agent restarts, and with it
 *                 the meaning of every {@code seq}
 * @param peers    the members that advertise a WebSocket API, for failover (this agent included)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"agent", "streamId", "peers"})
public record WelcomeMessage(
        @JsonProperty(value = "agent", required = true) String agent,
        @JsonProperty(value = "streamId", required = true) String streamId,
        @JsonProperty("peers") List<Peer> peers) implements ServerMessage {

    public static final String TYPE = "welcome";

    public WelcomeMessage {
        Require.text(agent, "agent");
        Require.text(streamId, "streamId");
        peers = Require.listOf(peers, "peers");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
