package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfCommandException;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Child;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.Objects;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gossips this member's supervisor transitions as {@code serfnode.sv} user events (never coalesced: each
 * one counts). Subscribe it to the {@link io.serfnode.agent.supervisor.Supervisor}: sending happens on a
 * thread of its own, in the order the transitions came, so the child's thread never waits for serf.
 *
 * <p>A transition that cannot be sent because serf does not answer (killed and being restarted, or its RPC
 * connection lost) is kept, with every later one behind it, and sent again, in order, once serf answers:
 * consoles see every transition of a member whose serf was restarted, not only a gap. At most
 * {@link #MAX_PENDING} wait; beyond that the oldest are dropped (logged), and other members see the gap in
 * the counter and ask this member for its children. A transition serf refuses for good (its payload over a
 * limit) is dropped at once, logged.
 *
 * <p>serf's {@code event} command returns once serf has queued the event, before it has gossiped it; a serf
 * killed at that moment takes the event with it. So when serf answers again after a restart
 * ({@link #serfReconnected()}), the transitions sent in the {@link #RESEND_WINDOW} before are sent once more,
 * ahead of the waiting ones. Receivers drop copies by counter, so a second copy costs nothing.
 *
 * <p>serf loses a user event at one member now and then. A lost transition followed by another shows as a
 * gap in the counter, and the receiver fetches it ({@code serfnode.transitions}); the last of a burst has no
 * successor to reveal it. So once no transition has been sent for {@link #QUIET_REPEAT}, the last one is sent
 * once more: a member that missed it sees it then, or sees the gap.
 */
public final class TransitionGossip implements TransitionCallback, AutoCloseable {
    static final int MAX_PENDING = 10_000;
    static final Duration RESEND_WINDOW = Duration.ofSeconds(10);
    /** How long a restarted serf may take to rejoin its peers; what it gossips before reaches nobody. */
    static final Duration REJOIN_GRACE = Duration.ofSeconds(4);
    static final int MAX_RESEND = 256;
    /** How long after the last transition sent it is sent again, if none followed. */
    static final Duration QUIET_REPEAT = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final Supplier<SerfRpc> rpc;
    private final TransitionCodec codec;
    private final Function<String, Optional<Child>> descriptors;
    private final ComponentLog log;
    private final ScheduledExecutorService sender;
    /** Touched only on the sender's thread. */
    private final Deque<SupervisorStateChanged> pending = new ArrayDeque<>();
    /** Sent lately, oldest first, with {@link System#nanoTime()} of sending; touched only on the sender's thread. */
    private final Deque<Sent> recent = new ArrayDeque<>();
    private boolean retryScheduled;
    private boolean outage;
    private final Duration quietRepeat;
    /** The last transition sent and not yet repeated, and when it was sent; touched only on the sender's thread. */
    private SupervisorStateChanged unrepeated;
    private long lastSentNanos;
    private boolean repeatScheduled;

    /**
     * @param rpc         the client to send through, looked up for every event so a reconnected one is used
     * @param descriptors a child's declaration by name, for the runtime and summary the event carries
     */
    public TransitionGossip(String member, Supplier<SerfRpc> rpc, TransitionCodec codec,
                            Function<String, Optional<Child>> descriptors) {
        this(member, rpc, codec, descriptors, QUIET_REPEAT);
    }

    TransitionGossip(String member, Supplier<SerfRpc> rpc, TransitionCodec codec,
                     Function<String, Optional<Child>> descriptors, Duration quietRepeat) {
        this.quietRepeat = Objects.requireNonNull(quietRepeat, "quietRepeat");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.descriptors = Objects.requireNonNull(descriptors, "descriptors");
        this.log = ComponentLog.of(member, "sv-gossip");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("sv-gossip-" + member).factory());
        // a retry waiting for serf must not keep a closed member busy
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.sender = executor;
    }

    @Override
    public void onNext(SupervisorStateChanged event) {
        try {
            sender.execute(() -> enqueue(event));
        } catch (RejectedExecutionException e) {
            log.warn("not gossiping transition %d of '%s': closed", event.counter(), event.child());
        }
    }

    /**
     * Serf answers again after its RPC connection was lost (a restarted serf): sends the transitions of the last
     * {@link #RESEND_WINDOW} again, which the old serf may have taken without gossiping them.
     */
    public void serfReconnected() {
        try {
            sender.execute(this::resendRecent);
            // and once more after it has rejoined: receivers drop what they already have by its counter
            sender.schedule(this::resendRecent, REJOIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing: nothing to resend to
        }
    }

    private void resendRecent() {
        forgetOld(System.nanoTime());
        if (recent.isEmpty()) {
            return;
        }
        log.info("serf is back: sending the last %d transitions again (counters %d to %d), in case the old serf "
                + "took them without gossiping them", recent.size(), recent.peekFirst().event().counter(),
                recent.peekLast().event().counter());
        while (!recent.isEmpty()) {
            pending.addFirst(recent.removeLast().event());
        }
        if (!retryScheduled) {
            drain();
        }
    }

    private record Sent(SupervisorStateChanged event, long nanos) {
    }

    private void remember(SupervisorStateChanged event) {
        long now = System.nanoTime();
        recent.addLast(new Sent(event, now));
        forgetOld(now);
    }

    private void forgetOld(long now) {
        while (!recent.isEmpty() && (recent.size() > MAX_RESEND
                || now - recent.peekFirst().nanos() > RESEND_WINDOW.toNanos())) {
            recent.removeFirst();
        }
    }

    private void enqueue(SupervisorStateChanged event) {
        if (pending.size() >= MAX_PENDING) {
            SupervisorStateChanged dropped = pending.removeFirst();
            log.warn("dropping transition %d of '%s': %d transitions wait for serf", dropped.counter(),
                    dropped.child(), MAX_PENDING);
        }
        pending.addLast(event);
        if (!retryScheduled) {
            drain();
        }
    }

    /** Sends the waiting transitions in order; stops at the first serf does not take, and tries again later. */
    private void drain() {
        retryScheduled = false;
        while (!pending.isEmpty()) {
            SupervisorStateChanged next = pending.peekFirst();
            Attempt attempt = attempt(next);
            if (attempt == Attempt.RETRY) {
                try {
                    sender.schedule(this::drain, RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                    retryScheduled = true;
                } catch (RejectedExecutionException closed) {
                    log.warn("not gossiping %d transitions from %d on: closed while serf did not answer",
                            pending.size(), next.counter());
                    pending.clear();
                }
                return;
            }
            pending.removeFirst();
            if (attempt == Attempt.SENT) {
                remember(next);
                repeatWhenQuiet(next);
            }
        }
    }

    private void repeatWhenQuiet(SupervisorStateChanged sent) {
        unrepeated = sent;
        lastSentNanos = System.nanoTime();
        if (!repeatScheduled) {
            scheduleRepeat(quietRepeat.toNanos());
        }
    }

    private void scheduleRepeat(long delayNanos) {
        try {
            sender.schedule(this::repeatIfQuiet, delayNanos, TimeUnit.NANOSECONDS);
            repeatScheduled = true;
        } catch (RejectedExecutionException closed) {
            repeatScheduled = false;
        }
    }

    private void repeatIfQuiet() {
        repeatScheduled = false;
        if (unrepeated == null || !pending.isEmpty() || retryScheduled) {
            return; // nothing to repeat, or more is about to be sent
        }
        long quietFor = System.nanoTime() - lastSentNanos;
        if (quietFor < quietRepeat.toNanos()) {
            scheduleRepeat(quietRepeat.toNanos() - quietFor);
            return;
        }
        SupervisorStateChanged last = unrepeated;
        unrepeated = null;
        if (attempt(last) == Attempt.SENT) {
            log.debug("sent transition %d of '%s' again after %d ms without another", last.counter(), last.child(),
                    quietRepeat.toMillis());
        }
    }

    private enum Attempt { SENT, DROPPED, RETRY }

    private Attempt attempt(SupervisorStateChanged event) {
        byte[] payload;
        try {
            payload = codec.encode(event, descriptors.apply(event.child()).orElse(null));
        } catch (RuntimeException e) {
            log.warn("cannot gossip transition %d of '%s' (%s -> %s): %s", event.counter(), event.child(),
                    event.from(), event.to(), e.getMessage());
            return Attempt.DROPPED;
        }
        try {
            rpc.get().event(ClusterNames.TRANSITION_EVENT, payload, false);
            if (outage) {
                outage = false;
                log.info("serf answers again: gossiping transition %d of '%s' and the %d waiting behind it",
                        event.counter(), event.child(), pending.size() - 1);
            }
            return Attempt.SENT;
        } catch (SerfCommandException | IllegalArgumentException refused) {
            // serf answered and said no (or the event is over a limit): sending it again would not help
            log.warn("serf refused transition %d of '%s' (%s -> %s): %s", event.counter(), event.child(),
                    event.from(), event.to(), refused.getMessage());
            return Attempt.DROPPED;
        } catch (RuntimeException e) {
            if (!outage) {
                outage = true;
                log.warn("could not gossip transition %d of '%s' (%s -> %s); keeping it and the ones after it "
                        + "until serf answers: %s", event.counter(), event.child(), event.from(), event.to(),
                        e.getMessage());
            }
            return Attempt.RETRY;
        }
    }

    /** Sends one transition now, on the caller's thread; false when it could not be sent (logged). */
    public boolean send(SupervisorStateChanged event) {
        try {
            byte[] payload = codec.encode(event, descriptors.apply(event.child()).orElse(null));
            rpc.get().event(ClusterNames.TRANSITION_EVENT, payload, false);
            return true;
        } catch (RuntimeException e) {
            log.warn("could not gossip transition %d of '%s' (%s -> %s): %s", event.counter(), event.child(),
                    event.from(), event.to(), e.getMessage());
            return false;
        }
    }

    /** Sends what is queued (no more retries for what serf does not take now), then stops. */
    @Override
    public void close() {
        sender.shutdown();
    }
}
