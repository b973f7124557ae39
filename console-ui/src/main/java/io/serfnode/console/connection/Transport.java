package io.serfnode.console.connection;

import io.serfnode.console.session.TrustSettings;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Opens text connections to agents; the session sees sockets only through this. */
interface Transport {

    /**
     * Connects to {@code endpoint}; the future completes once the socket is open, or fails with the reason.
     * The listener is called from the transport's threads, one call at a time.
     */
    CompletableFuture<Connection> connect(URI endpoint, TrustSettings trust, Listener listener);

    /** One open socket. */
    interface Connection {
        /** Sends one text message; sends are written in the order they are made. */
        CompletableFuture<Void> send(String text);

        /** Closes with a close code; further messages are ignored. */
        void close(int code, String reason);

        /** The SHA-256 fingerprint of the server certificate, for TLS connections; else null. */
        String fingerprint();
    }

    /** What arrives on one connection. */
    interface Listener {
        void onText(String text);

        /** The peer closed the socket. */
        void onClosed(int code, String reason);

        /** The socket broke. */
        void onFailure(Throwable failure);
    }
}
