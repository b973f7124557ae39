package io.serfnode.console.testing;

import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Asks one agent for a snapshot over a socket of its own, independent of the session under test: the
 * fixture's way to see that a cluster is ready and where children's pids are.
 */
final class AgentProbe {
    private static final WireCodec CODEC = new WireCodec();

    private AgentProbe() {
    }

    /** The agent's snapshot, or an exception saying why none came within {@code patience}. */
    static SnapshotMessage snapshot(URI endpoint, String token, SSLContext tls, Duration patience) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(patience);
        if (tls != null) {
            builder.sslContext(tls);
        }
        try (HttpClient client = builder.build()) {
            CompletableFuture<SnapshotMessage> snapshot = new CompletableFuture<>();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(endpoint, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        try {
                            ServerMessage message = CODEC.decodeServer(text.toString());
                            if (message instanceof SnapshotMessage received) {
                                snapshot.complete(received);
                            }
                        } catch (WireFormatException e) {
                            snapshot.completeExceptionally(e);
                        }
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    snapshot.completeExceptionally(new IllegalStateException(endpoint + " closed the socket with "
                            + statusCode + " " + reason));
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    snapshot.completeExceptionally(error);
                }
            }).get(patience.toMillis(), TimeUnit.MILLISECONDS);
            try {
                socket.sendText(CODEC.encode(new AuthMessage(token)), true).join();
                socket.sendText(CODEC.encode(ResumeMessage.fresh()), true).join();
                return snapshot.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                socket.abort();
            }
        }
    }
}
