package io.serfnode.console.session;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach a cluster: the first agent to try, the token, how to trust TLS, how to reconnect.
 *
 * @param agent     a {@code ws://} or {@code wss://} URL ending in {@code /v1/cluster}
 * @param token     the cluster's API token
 * @param trust     how a {@code wss://} server certificate is trusted
 * @param reconnect backoff and failover pacing
 */
public record ConnectionSettings(URI agent, String token, TrustSettings trust, ReconnectPolicy reconnect) {

    public ConnectionSettings {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(reconnect, "reconnect");
    }

    /** Plain defaults: the system's trust store, the default reconnect policy. */
    public static ConnectionSettings to(URI agent, String token) {
        return new ConnectionSettings(agent, token, new TrustSettings.SystemTrust(), ReconnectPolicy.DEFAULT);
    }

    public ConnectionSettings withTrust(TrustSettings newTrust) {
        return new ConnectionSettings(agent, token, newTrust, reconnect);
    }

    public ConnectionSettings withReconnect(ReconnectPolicy newReconnect) {
        return new ConnectionSettings(agent, token, trust, newReconnect);
    }

    @Override
    public String toString() {
        // never print the token
        return "ConnectionSettings[agent=" + agent + ", trust=" + trust + ", reconnect=" + reconnect + "]";
    }
}
