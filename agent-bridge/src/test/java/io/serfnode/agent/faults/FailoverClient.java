package io.serfnode.agent.faults;

import io.serfnode.agent.api.ws.WsTestClient;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.Peer;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * What a console does with the WebSocket API, without the UI: connects to one member, keeps the cluster's
 * supervisor transitions and member statuses, and when its socket breaks fails over to another member of the
 * last {@code welcome}'s peers, resuming with its per-member transition counters. It keeps every transition
 * counter it received, per member, so that a test can check each transition arrived exactly once.
 */
final class FailoverClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** One switch from a broken connection to a working one. */
    record Failover(String from, String to, long brokenNanos, long welcomedNanos) {
        Duration took() {
            return Duration.ofNanos(welcomedNanos - brokenNanos);
        }
    }

    private final String token;
    private final Function<String, URI> uriOfWs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("failover-client").factory());
    private final Map<String, List<Long>> countersByMember = new ConcurrentHashMap<>();
    private final Map<String, MemberStatus> statuses = new ConcurrentHashMap<>();
    private final List<SupervisorStateChanged> transitions = new CopyOnWriteArrayList<>();
    private final List<Failover> failovers = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<Peer> peers = List.of();
    private volatile String agent;
    private volatile WebSocket socket;
    private volatile long brokenNanos;
    private volatile String brokenAgent;

    private FailoverClient(String token, Function<String, URI> uriOfWs) {
        this.token = token;
        this.uriOfWs = uriOfWs;
    }

    /** How often the first connection is tried: an agent that just started may answer slowly on a busy machine. */
    private static final int FIRST_CONNECT_ATTEMPTS = 10;

    /** Connects to {@code first} and subscribes from a fresh snapshot. */
    static FailoverClient connect(URI first, String token) {
        FailoverClient client = new FailoverClient(token, ws -> URI.create("ws://" + ws + "/v1/cluster"));
        for (int attempt = 1; ; attempt++) {
            try {
                client.open(first, ResumeMessage.fresh());
                return client;
            } catch (java.util.concurrent.CompletionException e) {
                if (attempt == FIRST_CONNECT_ATTEMPTS) {
                    throw e;
                }
                // the short timeout is for failing over fast; the first connection may wait for a cold agent
            }
        }
    }

    private void open(URI uri, ResumeMessage resume) {
        Session session = new Session();
        WebSocket opened = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, session).join();
        socket = opened;
        opened.sendText(WsTestClient.CODEC.encode(new AuthMessage(token)), true).join();
        opened.sendText(WsTestClient.CODEC.encode(resume), true).join();
    }

    /** The listener of one connection; once it breaks it starts the failover, once. */
    private final class Session implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean broken = new AtomicBoolean();
        private volatile String connectedTo;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    receive(this, WsTestClient.CODEC.decodeServer(text));
                } catch (WireFormatException | RuntimeException e) {
                    problems.add("unreadable message " + text + ": " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            broke();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            broke();
        }

        private void broke() {
            if (broken.compareAndSet(false, true) && !closed.get()) {
                brokenNanos = System.nanoTime();
                brokenAgent = connectedTo;
                reconnector.execute(FailoverClient.this::failOver);
            }
        }
    }

    private void receive(Session session, ServerMessage message) {
        switch (message) {
            case WelcomeMessage welcome -> {
                session.connectedTo = welcome.agent();
                peers = welcome.peers();
                if (brokenAgent != null && agent != null) {
                    failovers.add(new Failover(brokenAgent, welcome.agent(), brokenNanos, System.nanoTime()));
                    brokenAgent = null;
                }
                agent = welcome.agent();
            }
            case SnapshotMessage snapshot -> {
                snapshot.members().forEach(member -> statuses.put(member.name(), member.status()));
                snapshot.recentEvents().stream().map(SequencedEvent::event).forEach(this::record);
            }
            case EventMessage event -> record(event.event());
            default -> {
            }
        }
    }

    private void record(ClusterEvent event) {
        if (event instanceof SupervisorStateChanged change) {
            transitions.add(change);
            countersByMember.computeIfAbsent(change.member(), member -> new CopyOnWriteArrayList<>())
                    .add(change.counter());
        } else if (event instanceof MembershipEvent membership) {
            statuses.put(membership.member().name(), membership.member().status());
        }
    }

    /** Tries each other peer once; when none answers, tries again after a short pause, until closed. */
    private void failOver() {
        if (closed.get()) {
            return;
        }
        String dead = brokenAgent;
        List<Peer> candidates = peers.stream().filter(peer -> !peer.member().equals(dead)).toList();
        if (candidates.isEmpty()) {
            problems.add("no peer to fail over to from " + dead);
            return;
        }
        for (Peer peer : candidates) {
            try {
                open(uriOfWs.apply(peer.ws()), ResumeMessage.fromCounters(lastCounters()));
                return;
            } catch (RuntimeException unreachable) {
                problems.add("failover to " + peer.member() + " failed: " + unreachable);
            }
        }
        reconnector.schedule(this::failOver, RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Per member, the highest transition counter received. */
    Map<String, Long> lastCounters() {
        Map<String, Long> last = new LinkedHashMap<>();
        countersByMember.forEach((member, counters) -> counters.stream().mapToLong(Long::longValue).max()
                .ifPresent(max -> last.put(member, max)));
        return last;
    }

    /** Every transition counter received for {@code member}, in arrival order (duplicates included). */
    List<Long> countersOf(String member) {
        return List.copyOf(countersByMember.getOrDefault(member, List.of()));
    }

    List<SupervisorStateChanged> transitions() {
        return List.copyOf(transitions);
    }

    Optional<MemberStatus> statusOf(String member) {
        return Optional.ofNullable(statuses.get(member));
    }

    /** The agent of the current connection, once welcomed. */
    Optional<String> agent() {
        return Optional.ofNullable(agent);
    }

    List<Failover> failovers() {
        return List.copyOf(failovers);
    }

    /** Unreadable messages and failed failover attempts, for a failure message. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        closed.set(true);
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        reconnector.shutdownNow();
        http.shutdownNow();
    }
}
