package io.serfnode.console.connection;

import io.serfnode.console.session.TrustSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/** Connections through the JDK's own WebSocket client ({@code java.net.http}). */
final class JdkWebSocketTransport implements Transport {
    private final Duration connectTimeout;

    JdkWebSocketTransport(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CompletableFuture<Connection> connect(URI endpoint, TrustSettings trust, Listener listener) {
        AtomicReference<String> fingerprint = new AtomicReference<>();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if ("wss".equalsIgnoreCase(endpoint.getScheme())) {
            SSLContext context;
            try {
                context = TrustManagers.contextFor(trust, endpoint, fingerprint::set);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            builder.sslContext(context);
        }
        HttpClient client = builder.build();
        JdkConnection connection = new JdkConnection(client, fingerprint, listener);
        return client.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .buildAsync(endpoint, connection.reader())
                .handle((socket, failure) -> {
                    if (failure != null) {
                        client.shutdownNow();
                        throw new java.util.concurrent.CompletionException(unwrap(failure));
                    }
                    connection.opened(socket);
                    return (Connection) connection;
                });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static final class JdkConnection implements Connection {
        private final HttpClient client;
        private final AtomicReference<String> fingerprint;
        private final Listener listener;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        JdkConnection(HttpClient client, AtomicReference<String> fingerprint, Listener listener) {
            this.client = client;
            this.fingerprint = fingerprint;
            this.listener = listener;
        }

        void opened(WebSocket openSocket) {
            socket = openSocket;
        }

        @Override
        public synchronized CompletableFuture<Void> send(String text) {
            WebSocket open = socket;
            if (open == null || ended.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("the connection is closed"));
            }
            // the JDK client takes one message at a time: each send waits for the one before
            CompletableFuture<Void> sent = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> open.sendText(text, true))
                    .thenApply(ignored -> null);
            lastSend = sent;
            return sent;
        }

        @Override
        public void close(int code, String reason) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            WebSocket open = socket;
            if (open != null) {
                open.sendClose(code, reason).whenComplete((ignored, failure) -> {
                    open.abort();
                    client.shutdownNow();
                });
            } else {
                client.shutdownNow();
            }
        }

        @Override
        public String fingerprint() {
            return fingerprint.get();
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                WebSocket open = socket;
                if (open != null) {
                    open.abort();
                }
                client.shutdownNow();
            }
        }

        /**
         * Appends a piece of a message. The client hands pieces over as {@link CharBuffer}s, which a
         * {@link StringBuilder} would copy one {@code charAt} at a time (a megabyte for a large snapshot).
         */
        private static void appendTo(StringBuilder text, CharSequence piece) {
            if (piece instanceof CharBuffer buffer && buffer.hasArray()) {
                text.append(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            } else {
                text.append(piece);
            }
        }

        WebSocket.Listener reader() {
            return new WebSocket.Listener() {
                @Override
                public void onOpen(WebSocket webSocket) {
                    webSocket.request(1);
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    if (last && partial.isEmpty()) {
                        // a whole message in one piece, as nearly every event is: one copy, not two
                        if (!ended.get()) {
                            listener.onText(data.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }
                    appendTo(partial, data);
                    if (last) {
                        String text = partial.toString();
                        partial.setLength(0);
                        if (!ended.get()) {
                            listener.onText(text);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                    webSocket.request(1); // the protocol is text only; nothing to read in binary frames
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    boolean wasOpen = !ended.get();
                    end();
                    if (wasOpen) {
                        listener.onClosed(statusCode, reason);
                    }
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    boolean wasOpen = !ended.get();
                    end();
                    if (wasOpen) {
                        listener.onFailure(error);
                    }
                }
            };
        }
    }
}
