package io.serfnode.console.connection;

import io.serfnode.console.session.TrustSettings;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transport whose agents are the test: it plays the server side of each connection by hand. */
final class FakeTransport implements Transport {
    private static final WireCodec CODEC = new WireCodec();

    final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    final List<URI> attempts = new CopyOnWriteArrayList<>();
    final Set<URI> refusing = ConcurrentHashMap.newKeySet();

    @Override
    public CompletableFuture<Connection> connect(URI endpoint, TrustSettings trust, Listener listener) {
        attempts.add(endpoint);
        if (refusing.contains(endpoint)) {
            return CompletableFuture.failedFuture(new ConnectException("Connection refused: " + endpoint));
        }
        FakeConnection connection = new FakeConnection(endpoint, listener);
        connections.add(connection);
        return CompletableFuture.completedFuture(connection);
    }

    FakeConnection last() {
        return connections.getLast();
    }

    /** One fake socket: what the session sent, and a way to answer. */
    static final class FakeConnection implements Connection {
        final URI endpoint;
        private final Listener listener;
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile Integer closedWith;

        FakeConnection(URI endpoint, Listener listener) {
            this.endpoint = endpoint;
            this.listener = listener;
        }

        @Override
        public CompletableFuture<Void> send(String text) {
            sent.add(text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
        }

        @Override
        public String fingerprint() {
            return null;
        }

        List<ClientMessage> received() {
            return sent.stream().map(text -> {
                try {
                    return CODEC.decodeClient(text);
                } catch (WireFormatException e) {
                    throw new AssertionError("the session sent a message the agent cannot read: " + text, e);
                }
            }).toList();
        }

        void serverSends(ServerMessage message) {
            listener.onText(CODEC.encode(message));
        }

        void agentCloses(int code) {
            listener.onClosed(code, "");
        }

        void breaks() {
            listener.onFailure(new java.io.IOException("connection reset"));
        }
    }
}
