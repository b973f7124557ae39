package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * A real WebSocket client (the JDK's) that collects what the server sends. It can stop reading, so that the
 * server sees a slow client, and start again.
 */
public final class WsTestClient implements AutoCloseable {
    public static final WireCodec CODEC = new WireCodec(io.serfnode.model.wire.WireLimits.DEFAULT
            .withMaxClientMessageBytes(16 * 1024 * 1024));
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final WebSocket socket;
    private volatile boolean waitingForDemand;

    private WsTestClient(URI uri, SSLContext tls) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            http.sslContext(tls);
        }
        this.socket = http.build().newWebSocketBuilder().buildAsync(uri, new Collector()).join();
    }

    public static WsTestClient connect(URI uri) {
        return new WsTestClient(uri, null);
    }

    public static WsTestClient connect(URI uri, SSLContext tls) {
        return new WsTestClient(uri, tls);
    }

    /** Connects and authenticates, and checks that a welcome came back. */
    public static WsTestClient authenticated(URI uri, String token) {
        WsTestClient client = connect(uri);
        client.send(new AuthMessage(token));
        assertThat(client.next()).isInstanceOf(io.serfnode.model.wire.WelcomeMessage.class);
        return client;
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            demand(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            demand(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    private void demand(WebSocket webSocket) {
        if (reading.get()) {
            webSocket.request(1);
        } else {
            waitingForDemand = true;
        }
    }

    /** Stops asking for frames: the server's sends back up. */
    public void stopReading() {
        reading.set(false);
    }

    public void startReading() {
        reading.set(true);
        if (waitingForDemand) {
            waitingForDemand = false;
            socket.request(1);
        }
    }

    public void send(ClientMessage message) {
        sendText(CODEC.encode(message));
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message the server sent, waiting for it. */
    public ServerMessage next() {
        String text = await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(received::poll, message -> message != null);
        try {
            return CODEC.decodeServer(text);
        } catch (WireFormatException unreadable) {
            throw new AssertionError("the server sent an unreadable message: " + text, unreadable);
        }
    }

    public <T extends ServerMessage> T next(Class<T> type) {
        ServerMessage message = next();
        assertThat(message).isInstanceOf(type);
        return type.cast(message);
    }

    boolean hasReceived() {
        return !received.isEmpty();
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() throws Exception {
        return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ignored -> null);
        }
        socket.abort();
    }
}
