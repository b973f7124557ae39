package io.serfnode.console.viewmodel;

import java.util.Optional;

/** The certificate fingerprints trusted on first use, looked up by the agent's host and port. */
@FunctionalInterface
public interface KnownFingerprints {

    /** The SHA-256 fingerprint remembered for the agent at {@code hostPort} ({@code host:port}), if any. */
    Optional<String> fingerprintOf(String hostPort);

    /** Knows no agent. */
    static KnownFingerprints none() {
        return hostPort -> Optional.empty();
    }
}
