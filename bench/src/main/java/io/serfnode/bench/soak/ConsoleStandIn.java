package io.serfnode.bench.soak;

import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the console: one WebSocket connection to a member that stays, subscribed from a snapshot, that
 * hands every supervisor transition (member, counter) to the ledger and counts user events.
 */
final class ConsoleStandIn implements AutoCloseable {
    private final WireCodec codec = new WireCodec();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TransitionLedger ledger;
    private final AtomicLong userEvents = new AtomicLong();
    private final CompletableFuture<Void> snapshot = new CompletableFuture<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    ConsoleStandIn(URI api, String token, TransitionLedger ledger) {
        this.ledger = ledger;
        this.socket = http.newWebSocketBuilder().buildAsync(api, new Listener()).orTimeout(30, TimeUnit.SECONDS).join();
        send(codec.encode(new AuthMessage(token)));
        send(codec.encode(ResumeMessage.fresh()));
    }

    private void send(String text) {
        socket.sendText(text, true).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Waits until the snapshot arrived: from then on every transition is expected here. */
    void awaitSnapshot() throws Exception {
        snapshot.get(60, TimeUnit.SECONDS);
    }

    long userEvents() {
        return userEvents.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
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
                    receive(codec.decodeServer(text));
                } catch (WireFormatException | RuntimeException e) {
                    problems.add("unreadable message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            problems.add("the agent closed the connection: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            problems.add("the connection failed: " + error);
        }
    }

    private void receive(ServerMessage message) {
        switch (message) {
            case SnapshotMessage snap -> {
                snap.recentEvents().stream().map(SequencedEvent::event).forEach(this::record);
                snapshot.complete(null);
            }
            case EventMessage event -> record(event.event());
            default -> {
            }
        }
    }

    private void record(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change) {
            ledger.seen(change.member(), change.counter());
        } else if (event instanceof UserEvent) {
            userEvents.incrementAndGet();
        }
    }

    @Override
    public void close() {
        socket.abort();
        http.shutdownNow();
    }
}
