package io.serfnode.agent.cluster;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ClusterChildren} in front of a real one that loses the first copy of chosen transitions, as serf
 * loses a user event at one member now and then.
 */
final class LossyChildren implements ClusterChildren {
    private final ClusterChildren real;
    private final Map<String, Set<Long>> toLose = new ConcurrentHashMap<>();
    private final List<Long> lost = new CopyOnWriteArrayList<>();

    LossyChildren(ClusterChildren real) {
        this.real = real;
    }

    void loseFirstCopyOf(String member, long counter) {
        toLose.computeIfAbsent(member, any -> ConcurrentHashMap.newKeySet()).add(counter);
    }

    /** The counters lost so far. */
    List<Long> lost() {
        return List.copyOf(lost);
    }

    @Override
    public CompletableFuture<Void> apply(ChildTransition transition) {
        Set<Long> counters = toLose.get(transition.member());
        if (counters != null && counters.remove(transition.counter())) {
            lost.add(transition.counter());
            return CompletableFuture.completedFuture(null);
        }
        return real.apply(transition);
    }

    @Override
    public CompletableFuture<Void> replace(MemberChildren answer) {
        return real.replace(answer);
    }

    @Override
    public CompletableFuture<Void> endRepair(String member, long upTo) {
        return real.endRepair(member, upTo);
    }

    @Override
    public CompletableFuture<Void> forget(String member) {
        return real.forget(member);
    }

    @Override
    public ClusterChildrenSnapshot snapshot() {
        return real.snapshot();
    }

    @Override
    public Closeable subscribe(ClusterChildrenListener listener) {
        return real.subscribe(listener);
    }

    @Override
    public void close() {
        real.close();
    }
}
