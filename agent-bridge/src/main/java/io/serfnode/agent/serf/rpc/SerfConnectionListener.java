package io.serfnode.agent.serf.rpc;

/** Told once when a client loses its agent (not when the client is closed on purpose). */
@FunctionalInterface
public interface SerfConnectionListener {
    void onConnectionLost(SerfConnectionLostException cause);
}
