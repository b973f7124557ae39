package io.serfnode.agent.faults;

import static org.awaitility.Awaitility.await;

import io.serfnode.model.command.Command;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.ClientMessage;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import io.serfnode.model.wire.WireLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A WebSocket client of one member that keeps every server message with the moment it arrived, so that
 * the test can tell when the member's operators would have seen a change.
 */
final class ClusterWatch implements AutoCloseable {
    private static final WireCodec CODEC = new WireCodec(WireLimits.DEFAULT.withMaxClientMessageBytes(16 * 1024 * 1024));

    record Arrival(Instant at, ServerMessage message) {
    }

    private final String member;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private ClusterWatch(String member, URI uri) {
        this.member = member;
        this.socket = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .newWebSocketBuilder().buildAsync(uri, new Collector()).join();
    }

    /** Connects, authenticates and subscribes to the member's events; waits for the snapshot. */
    static ClusterWatch connect(String member, URI uri, String token) {
        ClusterWatch watch = new ClusterWatch(member, uri);
        watch.send(new AuthMessage(token));
        await(member + "'s welcome").atMost(Duration.ofSeconds(30))
                .until(() -> watch.arrivals.stream().anyMatch(arrival -> arrival.message() instanceof WelcomeMessage));
        watch.send(ResumeMessage.fresh());
        await(member + "'s snapshot").atMost(Duration.ofSeconds(30))
                .until(() -> watch.arrivals.stream().anyMatch(arrival -> arrival.message() instanceof SnapshotMessage));
        return watch;
    }

    /** Sends {@code command} and waits for its result. */
    ResultMessage run(Command command, Duration patience) {
        String id = member + "-" + ids.incrementAndGet();
        send(new CommandMessage(id, command));
        return await(command.kind() + " through " + member).atMost(patience)
                .until(() -> result(id), Optional::isPresent).orElseThrow();
    }

    private Optional<ResultMessage> result(String id) {
        return arrivals.stream().map(Arrival::message)
                .filter(message -> message instanceof ResultMessage result && result.id().equals(id))
                .map(ResultMessage.class::cast).findFirst();
    }

    /** When the first event after {@code since} that matches arrived. */
    Optional<Instant> firstEvent(Instant since, Predicate<ClusterEvent> wanted) {
        return arrivals.stream()
                .filter(arrival -> !arrival.at().isBefore(since))
                .filter(arrival -> arrival.message() instanceof EventMessage event && wanted.test(event.event()))
                .map(Arrival::at).findFirst();
    }

    private void send(ClientMessage message) {
        socket.sendText(CODEC.encode(message), true).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Instant at = Instant.now();
                try {
                    arrivals.add(new Arrival(at, CODEC.decodeServer(partial.toString())));
                } catch (WireFormatException e) {
                    System.err.println(member + " sent a message the codec refuses: " + e.getMessage());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
