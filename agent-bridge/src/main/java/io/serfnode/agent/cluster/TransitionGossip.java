package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Child;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gossips this member's supervisor transitions as {@code serfnode.sv} user events (never coalesced: each
 * one counts). Subscribe it to the {@link io.serfnode.agent.supervisor.Supervisor}: sending happens on a
 * thread of its own, in the order the transitions came, so the child's thread never waits for serf.
 *
 * <p>A transition that cannot be sent (serf is down, a name over its limit) is logged and dropped; other
 * members see the gap in the counter and ask this member for its children.
 */
public final class TransitionGossip implements TransitionCallback, AutoCloseable {
    private final Supplier<SerfRpc> rpc;
    private final TransitionCodec codec;
    private final Function<String, Optional<Child>> descriptors;
    private final ComponentLog log;
    private final ExecutorService sender;

    /**
     * @param rpc         the client to send through, looked up for every event so a reconnected one is used
     * @param descriptors a child's declaration by name, for the runtime and summary the event carries
     */
    public TransitionGossip(String member, Supplier<SerfRpc> rpc, TransitionCodec codec,
                            Function<String, Optional<Child>> descriptors) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.descriptors = Objects.requireNonNull(descriptors, "descriptors");
        this.log = ComponentLog.of(member, "sv-gossip");
        this.sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("sv-gossip-" + member)
                .factory());
    }

    @Override
    public void onNext(SupervisorStateChanged event) {
        try {
            sender.execute(() -> send(event));
        } catch (RejectedExecutionException e) {
            log.warn("not gossiping transition %d of '%s': closed", event.counter(), event.child());
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

    /** Sends what is queued, then stops. */
    @Override
    public void close() {
        sender.shutdown();
    }
}
