package io.serfnode.console.settings;

import io.serfnode.console.session.TrustSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A cluster the operator connected to: where, with which secret, trusting TLS how.
 *
 * @param agent     the agent URL used
 * @param token     the token itself, when the operator typed it (else null)
 * @param tokenFile the file the token was read from, when the operator chose one (else null)
 * @param trust     how the agent's certificate was trusted
 * @param lastUsed  when the operator last connected
 */
public record RecentCluster(URI agent, String token, Path tokenFile, TrustSettings trust, Instant lastUsed) {

    public RecentCluster {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(lastUsed, "lastUsed");
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("give the token or the token file of " + agent + ", not both");
        }
    }

    /** A cluster reached with a typed token and the system's trust store. */
    public static RecentCluster withToken(URI agent, String token, Instant lastUsed) {
        return new RecentCluster(agent, token, null, new TrustSettings.SystemTrust(), lastUsed);
    }

    /** A cluster reached with a token file and the system's trust store. */
    public static RecentCluster withTokenFile(URI agent, Path tokenFile, Instant lastUsed) {
        return new RecentCluster(agent, null, tokenFile, new TrustSettings.SystemTrust(), lastUsed);
    }

    public RecentCluster withTrust(TrustSettings newTrust) {
        return new RecentCluster(agent, token, tokenFile, newTrust, lastUsed);
    }

    public RecentCluster withLastUsed(Instant newLastUsed) {
        return new RecentCluster(agent, token, tokenFile, trust, newLastUsed);
    }

    @Override
    public String toString() {
        // never print the token
        return "RecentCluster[agent=" + agent + ", token=" + (token == null ? "none" : "<redacted>")
                + ", tokenFile=" + tokenFile + ", trust=" + trust + ", lastUsed=" + lastUsed + "]";
    }
}
