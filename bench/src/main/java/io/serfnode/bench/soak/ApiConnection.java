package io.serfnode.bench.soak;

import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One authenticated WebSocket connection to a member's API that hands every server message to a consumer and
 * notes what went wrong instead of throwing from the socket's thread.
 */
final class ApiConnection implements AutoCloseable {
    /** One codec for every connection: a codec per connection would keep its own mapper's caches each. */
    private static final WireCodec CODEC = new WireCodec();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final String label;
    private final Consumer<ServerMessage> receiver;
    private final WebSocket socket;
    private volatile boolean closing;

    ApiConnection(String label, URI api, String token, Consumer<ServerMessage> receiver) {
        this.label = label;
        this.receiver = receiver;
        this.socket = http.newWebSocketBuilder().buildAsync(api, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
        send(new AuthMessage(token));
    }

    synchronized void send(ClientMessage message) {
        socket.sendText(CODEC.encode(message), true).orTimeout(30, TimeUnit.SECONDS).join();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The other side is going away on purpose (its member is being killed): its end is no problem. */
    void expectClose() {
        closing = true;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    receiver.accept(CODEC.decodeServer(text));
                } catch (WireFormatException | RuntimeException e) {
                    problems.add(label + ": unreadable or unhandled message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing) {
                problems.add(label + ": the agent closed the connection: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                problems.add(label + ": the connection failed: " + error);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        socket.abort();
        http.shutdownNow();
    }
}
