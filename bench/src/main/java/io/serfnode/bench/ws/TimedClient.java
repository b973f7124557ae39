package io.serfnode.bench.ws;

import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that stamps every server message with {@link System#nanoTime()} the
 * moment its last frame arrives, before decoding, and hands it on.
 */
final class TimedClient implements AutoCloseable {

    /** Receives each decoded server message with the time it arrived. */
    interface Receiver {
        void onMessage(ServerMessage message, long receivedNanos);

        /** Takes a message as it arrived, before decoding; true if it was handled and needs no decoding. */
        default boolean onText(String text, long receivedNanos) {
            return false;
        }

        default void onError(Throwable error) {
        }
    }

    private final WireCodec codec;
    private final WebSocket socket;

    private TimedClient(HttpClient http, URI uri, WireCodec codec, Receiver receiver) {
        this.codec = codec;
        this.socket = http.newWebSocketBuilder().buildAsync(uri, new Listener(codec, receiver))
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects and sends {@code auth}; the {@code welcome} reaches {@code receiver} like every message. */
    static TimedClient authenticated(HttpClient http, URI uri, String token, WireCodec codec, Receiver receiver) {
        TimedClient client = new TimedClient(http, uri, codec, receiver);
        client.send(new AuthMessage(token));
        return client;
    }

    void send(ClientMessage message) {
        socket.sendText(codec.encode(message), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final WireCodec codec;
        private final Receiver receiver;
        private final StringBuilder partial = new StringBuilder();

        Listener(WireCodec codec, Receiver receiver) {
            this.codec = codec;
            this.receiver = receiver;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // read everything as it comes: asking for one message at a time costs a hand-off per message
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
                return null;
            }
            long received = System.nanoTime();
            String text;
            if (partial.isEmpty()) {
                text = data.toString();
            } else {
                text = partial.append(data).toString();
                partial.setLength(0);
            }
            try {
                if (!receiver.onText(text, received)) {
                    receiver.onMessage(codec.decodeServer(text), received);
                }
            } catch (WireFormatException | RuntimeException e) {
                receiver.onError(e);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            receiver.onError(error);
        }
    }
}
