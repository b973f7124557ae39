package io.serfnode.console.session;

import java.net.URI;

/**
 * The connection as the operator should read it, for example "reconnecting via db-1 …".
 *
 * @param phase       where the connection stands
 * @param endpoint    the agent URL in use or being tried
 * @param agent       the agent's name once welcomed, else null
 * @param detail      a plain-language line for the status bar
 * @param fingerprint the server certificate's SHA-256 fingerprint for {@code wss://}, else null
 */
public record ConnectionStatus(Phase phase, URI endpoint, String agent, String detail, String fingerprint) {

    /** Where a connection stands. */
    public enum Phase { CONNECTING, CONNECTED, RECONNECTING, FAILING_OVER, DISCONNECTED, FAILED }
}
