package io.serfnode.agent.api.ws;

import java.util.Objects;

/**
 * Where and how the WebSocket API listens.
 *
 * @param host   the address to bind, such as {@code 127.0.0.11}
 * @param port   the port to bind; 0 picks a free one (see {@link WsServer#address()})
 * @param token  the cluster token clients must send in {@code auth}
 * @param tls    the certificate and key for {@code wss://}, or null for plain {@code ws://}
 * @param limits how much the API allows and keeps
 */
public record WsServerConfig(String host, int port, String token, TlsFiles tls, WsLimits limits) {

    public WsServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, found " + port);
        }
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        Objects.requireNonNull(limits, "limits");
    }

    /** Plain {@code ws://} on {@code host:port} with the default limits. */
    public static WsServerConfig of(String host, int port, String token) {
        return new WsServerConfig(host, port, token, null, WsLimits.DEFAULT);
    }

    /** {@code ws://127.0.0.1} on a free port. */
    public static WsServerConfig loopback(String token) {
        return of("127.0.0.1", 0, token);
    }

    public boolean secure() {
        return tls != null;
    }

    public WsServerConfig withPort(int value) {
        return new WsServerConfig(host, value, token, tls, limits);
    }

    public WsServerConfig withToken(String value) {
        return new WsServerConfig(host, port, value, tls, limits);
    }

    public WsServerConfig withTls(TlsFiles value) {
        return new WsServerConfig(host, port, token, value, limits);
    }

    public WsServerConfig withLimits(WsLimits value) {
        return new WsServerConfig(host, port, token, tls, value);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "WsServerConfig[host=" + host + ", port=" + port + ", token=<redacted>, tls=" + tls
                + ", limits=" + limits + "]";
    }
}
