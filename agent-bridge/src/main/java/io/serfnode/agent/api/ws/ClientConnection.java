package io.serfnode.agent.api.ws;

/** The socket of one client, as a session needs it. */
interface ClientConnection extends Outbox.Transport {

    /** The client's {@code host:port}. */
    String remoteAddress();

    /** Closes with a WebSocket close code; the reason is for humans and kept short. */
    void close(int code, String reason);
}
