package io.serfnode.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkWebSocketTransportTest {
    private final List<String> texts = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final JdkWebSocketTransport.JdkConnection connection = new JdkWebSocketTransport.JdkConnection(client,
            new AtomicReference<>(), new Transport.Listener() {
                @Override
                public void onText(String text) {
                    texts.add(text);
                }

                @Override
                public void onClosed(int code, String reason) {
                }

                @Override
                public void onFailure(Throwable failure) {
                }
            });
    private final CountingSocket socket = new CountingSocket();

    @AfterEach
    void closeClient() {
        client.shutdownNow();
    }

    @Test
    void joinsAMessageHandedOverInPiecesOfLargerBuffers() {
        WebSocket.Listener reader = connection.reader();
        String message = "{\"type\":\"snapshot\",\"members\":[" + "\"m\",".repeat(2000) + "\"last\"]}";
        CharBuffer whole = CharBuffer.wrap(("xx" + message + "yy").toCharArray());

        int at = 2;
        int end = 2 + message.length();
        while (at < end) {
            int next = Math.min(end, at + 777);
            // a slice of a bigger array, with an offset and a position of its own
            CharBuffer piece = whole.duplicate().position(at).limit(next).slice().position(0);
            reader.onText(socket, piece, next == end);
            at = next;
        }
        reader.onText(socket, CharBuffer.wrap("{\"type\":\"event\"}").asReadOnlyBuffer(), true);
        reader.onText(socket, CharBuffer.wrap("{\"type\":").asReadOnlyBuffer(), false);
        reader.onText(socket, "\"pong\"}", true);

        assertThat(texts).containsExactly(message, "{\"type\":\"event\"}", "{\"type\":\"pong\"}");
        assertThat(socket.requested).isEqualTo((message.length() + 776) / 777 + 3);
    }

    /** Only counts what the reader asks for. */
    private static final class CountingSocket implements WebSocket {
        long requested;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {
        }
    }
}
