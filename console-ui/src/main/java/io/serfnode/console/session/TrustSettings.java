package io.serfnode.console.session;

import java.nio.file.Path;

/** How the console trusts a {@code wss://} agent's certificate. */
public sealed interface TrustSettings {

    /** The JDK's default trust store. */
    record SystemTrust() implements TrustSettings {
    }

    /** Exactly the certificates in a PEM file (for example the agents' own self-signed one). */
    record PemTrust(Path pemFile) implements TrustSettings {
    }

    /**
     * Trust on first use: the first certificate seen for a host and port is remembered in
     * {@code knownAgentsFile} and its fingerprint shown; a different one later is refused.
     */
    record TrustOnFirstUse(Path knownAgentsFile) implements TrustSettings {
    }
}
