package io.serfnode.agent.serf.process;

import java.io.IOException;

/**
 * Decides whether a started serf agent is ready for use. The default only checks that the RPC address accepts
 * connections ({@link TcpConnectProbe}); an RPC handshake probe can be plugged in instead.
 */
@FunctionalInterface
public interface ReadinessProbe {
    /**
     * Probes once, quickly; it is called repeatedly until it answers {@code true} or the wait ends.
     *
     * @throws IOException counts as "not ready yet"; the last one is reported if the wait times out
     */
    boolean isReady(SerfAgentConfig config) throws IOException;
}
