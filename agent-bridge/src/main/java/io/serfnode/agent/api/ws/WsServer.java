package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.CommandService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/** A running WebSocket API of one member. Closing it closes every client connection with 1001. */
public interface WsServer extends AutoCloseable {

    /** The endpoint's path on the server. */
    String PATH = "/v1/cluster";

    /**
     * Binds {@code config.host():config.port()} and serves {@link #PATH} for the member behind
     * {@code cluster}, whose events it records from now on.
     *
     * @throws IOException when the address cannot be bound or the TLS files cannot be read
     */
    static WsServer start(WsServerConfig config, ClusterAccess cluster, CommandService commands) throws IOException {
        return TyrusWsServer.start(config, cluster, commands);
    }

    /** The bound address (with the real port when 0 was asked for). */
    InetSocketAddress address();

    /** {@code ws://host:port/v1/cluster}, or {@code wss://…} with TLS. */
    URI uri();

    /** The stream id clients see in {@code welcome}. */
    String streamId();

    /** The {@code host:port} to advertise in the member's {@code ws} tag. */
    default String advertisedAddress() {
        return address().getHostString() + ":" + address().getPort();
    }

    @Override
    void close();
}
