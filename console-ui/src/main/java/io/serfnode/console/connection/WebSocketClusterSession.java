package io.serfnode.console.connection;

import io.serfnode.console.session.ClusterSession;
import io.serfnode.console.session.CommandListener;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.ConnectionStatus.Phase;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.command.Command;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A {@link ClusterSession} over the agents' WebSocket API: {@code auth}, {@code welcome}, {@code resume},
 * then the snapshot and live events, with reconnects and failover to the other members when the agent goes
 * away.
 *
 * <p>All session state lives on one thread of the session's own; the listeners are called from it, one call
 * at a time. Socket callbacks and public calls only hand work to that thread. A session is opened once;
 * after it ended (closed, or refused) a new one is made.
 */
public final class WebSocketClusterSession implements ClusterSession {
    private static final System.Logger LOG = System.getLogger(WebSocketClusterSession.class.getName());
    private static final int NORMAL_CLOSE = 1000;
    private static final int GOING_AWAY = 1001;
    private static final int POLICY_VIOLATION = 1008;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** An agent that accepts the socket but does not welcome the client within this is treated as down. */
    private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(10);
    /** Socket messages the owner thread handles before it lets other work in. */
    private static final int SOCKET_BATCH = 256;

    private enum State { NEW, CONNECTING, AWAITING_WELCOME, LIVE, WAITING, ENDED }

    private final Transport transport;
    // one for every session: thread-safe, and what it builds for the first message serves all later sessions
    private static final WireCodec CODEC = new WireCodec();
    private final ServerMessageReader reader = new ServerMessageReader(CODEC);
    private final ScheduledExecutorService owner;
    private final AtomicBoolean opened = new AtomicBoolean();
    /** What sockets said, for the owner thread, oldest first (see {@link #fromSocket}). */
    private final Queue<Runnable> socketTasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean socketTasksScheduled = new AtomicBoolean();

    // owned by the owner thread
    private final StreamPosition position = new StreamPosition();
    private final Map<String, CommandListener> pending = new LinkedHashMap<>();
    private final Map<String, MemberStatus> memberStatus = new HashMap<>();
    private ConnectionSettings settings;
    private SessionListener listener;
    private FailoverPlan plan;
    private State state = State.NEW;
    private Transport.Connection connection;
    private URI endpoint;
    private String fingerprint;
    private WelcomeMessage welcome;
    private boolean everWelcomed;
    private int generation;
    private long commandNumbers;
    private ScheduledFuture<?> timer;

    /**
     * Builds, on a background thread, what the first connection would otherwise build while the operator waits:
     * the codec's readers and writers for every message, and the JDK's HTTP client with its TLS defaults. Call it
     * while the window is being built; connecting before it finished is fine.
     */
    public static void prepareInBackground() {
        Thread.ofPlatform().daemon().name("serfnode-session-prepare").start(() -> {
            CODEC.prepare();
            try (HttpClient client = HttpClient.newHttpClient()) {
                client.newWebSocketBuilder();
            }
        });
    }

    public WebSocketClusterSession() {
        this(new JdkWebSocketTransport(CONNECT_TIMEOUT));
    }

    WebSocketClusterSession(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.owner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serfnode-session");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void open(ConnectionSettings connectionSettings, SessionListener sessionListener) {
        Objects.requireNonNull(connectionSettings, "settings");
        Objects.requireNonNull(sessionListener, "listener");
        requireAgentUrl(connectionSettings.agent());
        if (!opened.compareAndSet(false, true)) {
            throw new IllegalStateException("this session was opened already; open a new session instead");
        }
        post(() -> {
            settings = connectionSettings;
            listener = sessionListener;
            plan = new FailoverPlan(settings.agent(), settings.reconnect());
            safely(() -> listener.onStart(this::close));
            endpoint = settings.agent();
            status(Phase.CONNECTING, "connecting to " + settings.agent() + " …");
            connectTo(settings.agent(), null);
        });
    }

    @Override
    public void send(Command command, CommandListener commandListener) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(commandListener, "listener");
        boolean queued = post(() -> sendNow(command, commandListener));
        if (!queued) {
            commandListener.onError(new IllegalStateException("the session is closed; the command was not sent"));
        }
    }

    /** Returns at once; the socket closes, pending commands fail and {@code onComplete} follows on the session's thread. */
    @Override
    public void close() {
        post(this::closeNow); // refused only when the session has ended already
    }

    // ---- on the owner thread from here on ----

    private void connectTo(URI target, String member) {
        int attempt = ++generation;
        state = State.CONNECTING;
        endpoint = target;
        fingerprint = null;
        welcome = null;
        Transport.Listener socketListener = new Transport.Listener() {
            @Override
            public void onText(String text) {
                fromSocket(() -> {
                    if (attempt == generation) {
                        receive(text);
                    }
                });
            }

            @Override
            public void onClosed(int code, String reason) {
                fromSocket(() -> {
                    if (attempt == generation) {
                        closedByAgent(code, reason);
                    }
                });
            }

            @Override
            public void onFailure(Throwable failure) {
                fromSocket(() -> {
                    if (attempt == generation) {
                        lost("the connection broke: " + describe(failure), failure);
                    }
                });
            }
        };
        CompletableFuture<Transport.Connection> connecting;
        try {
            connecting = transport.connect(target, settings.trust(), socketListener);
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        connecting.whenComplete((open, failure) -> {
            boolean handled = post(() -> connected(attempt, open, failure));
            if (!handled && open != null) {
                open.close(NORMAL_CLOSE, "session closed");
            }
        });
    }

    private void connected(int attempt, Transport.Connection open, Throwable failure) {
        if (attempt != generation || state == State.ENDED) {
            if (open != null) {
                open.close(NORMAL_CLOSE, "superseded");
            }
            return;
        }
        if (failure != null) {
            attemptFailed(describe(failure), failure);
            return;
        }
        connection = open;
        fingerprint = open.fingerprint();
        state = State.AWAITING_WELCOME;
        write(new AuthMessage(settings.token()));
        int awaited = generation;
        schedule(() -> {
            if (awaited == generation && state == State.AWAITING_WELCOME) {
                dropConnection();
                attemptFailed("the agent did not welcome the console within " + WELCOME_TIMEOUT.toSeconds() + " s",
                        null);
            }
        }, WELCOME_TIMEOUT);
    }

    private void receive(String text) {
        ServerMessage message;
        try {
            message = reader.read(text);
        } catch (WireFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a message from {0} that cannot be read: {1}", endpoint,
                    e.getMessage());
            return;
        }
        switch (message) {
            case WelcomeMessage w -> welcomed(w);
            case SnapshotMessage s -> snapshot(s);
            case EventMessage e -> event(e);
            case LaggedMessage l -> LOG.log(System.Logger.Level.INFO,
                    "{0} dropped events after seq {1}; a fresh snapshot follows", agentName(), l.afterSeq());
            case ProgressMessage p -> {
                CommandListener waiting = pending.get(p.id());
                if (waiting != null) {
                    safely(() -> waiting.onNext(p.progress()));
                }
            }
            case ResultMessage r -> {
                CommandListener waiting = pending.remove(r.id());
                if (waiting != null) {
                    safely(() -> waiting.onComplete(r));
                }
            }
            case ErrorMessage error -> refused(error);
        }
    }

    private void welcomed(WelcomeMessage message) {
        if (state != State.AWAITING_WELCOME) {
            return;
        }
        welcome = message;
        everWelcomed = true;
        ResumeMessage resume = position.resumeFor(message.streamId());
        position.following(message.streamId());
        plan.connected(endpoint, message.agent(), message.peers());
        cancelTimer();
        state = State.LIVE;
        write(resume);
        status(Phase.CONNECTED, "connected to " + message.agent());
    }

    private void snapshot(SnapshotMessage message) {
        if (state != State.LIVE) {
            return;
        }
        SnapshotMessage delivered = position.acceptSnapshot(message);
        memberStatus.clear();
        for (Member member : message.members()) {
            memberStatus.put(member.name(), member.status());
        }
        emit(new SessionUpdate.SnapshotReceived(welcome, delivered));
    }

    private void event(EventMessage message) {
        if (state != State.LIVE) {
            return;
        }
        switch (position.acceptEvent(message)) {
            case StreamPosition.EventDecision.Deliver deliver -> {
                if (deliver.event().event() instanceof MembershipEvent change) {
                    memberStatus.put(change.member().name(), change.member().status());
                }
                emit(new SessionUpdate.EventReceived(deliver.event()));
            }
            case StreamPosition.EventDecision.Duplicate duplicate -> {
                // delivered before, through this agent or another
            }
            case StreamPosition.EventDecision.Gap gap -> {
                // a resume is allowed once per connection: reconnecting asks for the missing events
                dropConnection();
                lost("events " + gap.expectedSeq() + " to " + (gap.foundSeq() - 1) + " did not arrive", null);
            }
        }
    }

    private void refused(ErrorMessage error) {
        CommandListener waiting = error.inReplyTo() == null ? null : pending.remove(error.inReplyTo());
        if (waiting != null) {
            safely(() -> waiting.onError(new CommandRefusedException(error)));
        } else {
            LOG.log(System.Logger.Level.WARNING, "{0} refused a message: {1}", agentName(), error.message());
        }
    }

    private void sendNow(Command command, CommandListener commandListener) {
        if (state != State.LIVE || connection == null) {
            String where = state == State.ENDED ? "the session is closed"
                    : state == State.NEW ? "the session is not open" : "not connected to an agent right now";
            safely(() -> commandListener.onError(new IllegalStateException(where + "; the command was not sent")));
            return;
        }
        String id = "c-" + ++commandNumbers;
        pending.put(id, commandListener);
        Transport.Connection via = connection;
        String text = CODEC.encode(new CommandMessage(id, command));
        safely(() -> commandListener.onStart(() -> post(() -> pending.remove(id))));
        via.send(text).whenComplete((ignored, failure) -> {
            if (failure != null) {
                post(() -> {
                    CommandListener waiting = pending.remove(id);
                    if (waiting != null) {
                        safely(() -> waiting.onError(new ConnectionLostException("the command could not be sent to "
                                + agentName() + ": " + describe(failure))));
                    }
                });
            }
        });
    }

    private void closedByAgent(int code, String reason) {
        if (code == POLICY_VIOLATION) {
            String because = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
            end(new SessionRefusedException("the agent at " + endpoint + " refused the token" + because
                    + ": check the cluster's token; the console will not retry with the same token"));
            return;
        }
        String because = "the agent closed the connection (code " + code
                + (reason == null || reason.isBlank() ? "" : ", " + reason) + ")";
        connection = null;
        if (code == GOING_AWAY && everWelcomed) {
            plan.skipHome(); // the agent is shutting down: retrying it first only loses time
        }
        if (state == State.LIVE) {
            lost(because, null);
        } else {
            attemptFailed(because, null);
        }
    }

    private void lost(String why, Throwable cause) {
        connection = null;
        if (state != State.LIVE) {
            attemptFailed(why, cause);
            return;
        }
        LOG.log(System.Logger.Level.INFO, "lost the connection to {0}: {1}", agentName(), why);
        failPending(new ConnectionLostException("the connection to " + agentName() + " was lost before the result"
                + " arrived (" + why + "); the command may or may not have taken effect"));
        retry();
    }

    private void attemptFailed(String why, Throwable cause) {
        connection = null;
        if (cause != null && findUntrusted(cause) instanceof UntrustedCertificateException untrusted) {
            end(new SessionRefusedException(untrusted.getMessage(), untrusted));
            return;
        }
        if (!everWelcomed && plan.attempts() >= Math.max(1, settings.reconnect().attemptsBeforeFailover())) {
            end(new SessionRefusedException("no agent answers at " + settings.agent() + ": " + why, cause));
            return;
        }
        retry();
    }

    private void retry() {
        FailoverPlan.Attempt next = plan.next(downMembers());
        state = State.WAITING;
        String who = next.member() != null ? next.member() : String.valueOf(next.endpoint());
        URI target = next.endpoint();
        endpoint = target;
        if (next.failover()) {
            status(Phase.FAILING_OVER, "failing over via " + who + " (attempt " + next.number() + ") …");
        } else {
            status(Phase.RECONNECTING, "reconnecting to " + who + " (attempt " + next.number() + ") …");
        }
        schedule(() -> {
            if (state == State.WAITING) {
                connectTo(target, next.member());
            }
        }, next.delay());
    }

    private void closeNow() {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        cancelTimer();
        dropConnection();
        failPending(new ConnectionLostException("the session was closed before the result arrived; the command"
                + " may or may not have taken effect"));
        if (listener != null) {
            status(Phase.DISCONNECTED, "disconnected");
            safely(listener::onComplete);
        }
        owner.shutdown();
    }

    private void end(SessionRefusedException failure) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        cancelTimer();
        dropConnection();
        failPending(failure);
        status(Phase.FAILED, failure.getMessage());
        safely(() -> listener.onError(failure));
        owner.shutdown();
    }

    private void dropConnection() {
        generation++; // whatever the old socket still says is stale now
        if (connection != null) {
            connection.close(NORMAL_CLOSE, "closed by the console");
            connection = null;
        }
    }

    private void failPending(RuntimeException failure) {
        List<CommandListener> waiting = new ArrayList<>(pending.values());
        pending.clear();
        waiting.forEach(commandListener -> safely(() -> commandListener.onError(failure)));
    }

    private Set<String> downMembers() {
        return memberStatus.entrySet().stream()
                .filter(entry -> entry.getValue() != MemberStatus.ALIVE)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void write(Object message) {
        Transport.Connection via = connection;
        if (via == null) {
            return;
        }
        String text = switch (message) {
            case AuthMessage auth -> CODEC.encode(auth);
            case ResumeMessage resume -> CODEC.encode(resume);
            default -> throw new IllegalArgumentException("not a message the session writes: " + message);
        };
        via.send(text);
    }

    private void status(Phase phase, String detail) {
        String agent = welcome != null && state == State.LIVE ? welcome.agent() : null;
        emit(new SessionUpdate.StatusChanged(new ConnectionStatus(phase, endpoint, agent, detail, fingerprint)));
    }

    private void emit(SessionUpdate update) {
        safely(() -> listener.onNext(update));
    }

    private String agentName() {
        if (welcome != null) {
            return welcome.agent();
        }
        return plan != null && plan.homeMember() != null ? plan.homeMember() : String.valueOf(endpoint);
    }

    private void schedule(Runnable task, Duration delay) {
        cancelTimer();
        try {
            timer = owner.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the session ended meanwhile
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /**
     * Hands what the socket said to the owner thread, in order, through one queue that the owner works off in
     * batches: scheduling a task (and waking the thread) for each of 20,000 messages a second cost the session
     * thread more than reading some of them.
     */
    private void fromSocket(Runnable task) {
        socketTasks.add(task);
        if (socketTasksScheduled.compareAndSet(false, true) && !post(this::runSocketTasks)) {
            socketTasks.clear(); // the session has ended: nobody listens any more
        }
    }

    private void runSocketTasks() {
        for (int i = 0; i < SOCKET_BATCH; i++) {
            Runnable task = socketTasks.poll();
            if (task == null) {
                socketTasksScheduled.set(false);
                // one may have arrived after the poll and before the flag fell, seeing it still raised
                if (socketTasks.isEmpty() || !socketTasksScheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            safely(task);
        }
        // let public calls and timers in between batches; the rest follows in order
        if (!post(this::runSocketTasks)) {
            socketTasks.clear();
        }
    }

    /** Runs {@code task} on the owner thread; false once the session has ended. */
    private boolean post(Runnable task) {
        try {
            owner.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // a listener's failure must not end the session for everyone else
            LOG.log(System.Logger.Level.WARNING, "a session listener failed", e);
        }
    }

    private static Throwable findUntrusted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UntrustedCertificateException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static void requireAgentUrl(URI agent) {
        String scheme = agent.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
            throw new IllegalArgumentException("the agent URL '" + agent + "' must start with ws:// or wss://");
        }
        if (agent.getHost() == null || agent.getPort() < 0) {
            throw new IllegalArgumentException("the agent URL '" + agent + "' must name a host and a port,"
                    + " like ws://127.0.0.1:7800/v1/cluster");
        }
    }
}
