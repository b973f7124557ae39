package io.serfnode.agent.serf.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Ready when the agent's RPC address accepts a TCP connection (closed at once, without a handshake). */
public record TcpConnectProbe(Duration connectTimeout) implements ReadinessProbe {
    public TcpConnectProbe {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("TcpConnectProbe: connectTimeout must be positive, was " + connectTimeout);
        }
    }

    public static TcpConnectProbe withDefaults() {
        return new TcpConnectProbe(Duration.ofMillis(500));
    }

    @Override
    public boolean isReady(SerfAgentConfig config) throws IOException {
        SerfAddress rpc = config.rpcAddress();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(rpc.host(), rpc.port()), Math.toIntExact(connectTimeout.toMillis()));
            return true;
        }
    }
}
