package io.serfnode.agent.cluster;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link ClusterChildren} with a thread of its own that owns a {@link ClusterChildrenTable}. */
public final class OwnedClusterChildren implements ClusterChildren {
    private final Clock clock;
    private final ComponentLog log;
    private final ScheduledExecutorService owner;
    private final ClusterChildrenTable table;
    private final List<ClusterChildrenListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterChildrenSnapshot snapshot = ClusterChildrenSnapshot.EMPTY;
    private ScheduledFuture<?> expiry;
    private Instant expiryAt;

    public OwnedClusterChildren(String member, ClusterChildrenConfig config, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = ComponentLog.of(member, "cluster-children");
        this.owner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cluster-children-" + member).factory());
        this.table = new ClusterChildrenTable(config, new Fanout(), log);
    }

    public OwnedClusterChildren(String member, ClusterChildrenConfig config) {
        this(member, config, Clock.systemUTC());
    }

    @Override
    public CompletableFuture<Void> apply(ChildTransition transition) {
        Objects.requireNonNull(transition, "transition");
        return run(() -> table.apply(transition, clock.instant()));
    }

    @Override
    public CompletableFuture<Void> replace(MemberChildren answer) {
        Objects.requireNonNull(answer, "answer");
        return run(() -> table.replace(answer));
    }

    @Override
    public CompletableFuture<Void> endRepair(String member, long upTo) {
        Objects.requireNonNull(member, "member");
        return run(() -> table.endRepair(member, upTo, clock.instant()));
    }

    @Override
    public CompletableFuture<Void> forget(String member) {
        Objects.requireNonNull(member, "member");
        return run(() -> table.forget(member));
    }

    @Override
    public ClusterChildrenSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Closeable subscribe(ClusterChildrenListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        owner.shutdownNow();
    }

    private CompletableFuture<Void> run(Runnable change) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            owner.execute(() -> {
                try {
                    change.run();
                    afterChange();
                    done.complete(null);
                } catch (RuntimeException e) {
                    log.error(e, "a change to the cluster's children failed");
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the cluster's children are closed", e));
        }
        return done;
    }

    /** On the owner thread: publishes the new state and keeps one timer for the earliest reorder window. */
    private void afterChange() {
        snapshot = table.snapshot();
        Instant next = table.nextDeadline().orElse(null);
        if (Objects.equals(next, expiryAt)) {
            return;
        }
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiryAt = next;
        expiry = next == null ? null : owner.schedule(this::expire,
                Math.max(0, Duration.between(clock.instant(), next).toMillis()), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expiryAt = null;
        expiry = null;
        table.expire(clock.instant());
        afterChange();
    }

    /** Hands every change to each listener; one failing listener does not keep the others from hearing. */
    private final class Fanout implements ClusterChildrenListener {
        @Override
        public void onTransition(SupervisorStateChanged event) {
            for (ClusterChildrenListener listener : listeners) {
                try {
                    listener.onTransition(event);
                } catch (RuntimeException e) {
                    log.warn(e, "a listener failed on transition %d of %s", event.counter(), event.member());
                }
            }
        }

        @Override
        public void onGap(TransitionGap gap) {
            for (ClusterChildrenListener listener : listeners) {
                try {
                    listener.onGap(gap);
                } catch (RuntimeException e) {
                    log.warn(e, "a listener failed on %s", gap);
                }
            }
        }

        @Override
        public void onMissing(TransitionGap missing) {
            for (ClusterChildrenListener listener : listeners) {
                try {
                    listener.onMissing(missing);
                } catch (RuntimeException e) {
                    log.warn(e, "a listener failed on missing %s", missing);
                }
            }
        }

        @Override
        public void onReplaced(MemberChildren children) {
            for (ClusterChildrenListener listener : listeners) {
                try {
                    listener.onReplaced(children);
                } catch (RuntimeException e) {
                    log.warn(e, "a listener failed on the children of %s", children.member());
                }
            }
        }

        @Override
        public void onForgotten(String member) {
            for (ClusterChildrenListener listener : listeners) {
                try {
                    listener.onForgotten(member);
                } catch (RuntimeException e) {
                    log.warn(e, "a listener failed on forgetting %s", member);
                }
            }
        }
    }
}
