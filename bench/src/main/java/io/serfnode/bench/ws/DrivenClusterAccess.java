package io.serfnode.bench.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.model.Member;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.ClusterEvent;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A cluster with no members or children whose events the harness publishes itself, on its own thread. */
final class DrivenClusterAccess implements ClusterAccess {
    private final String agentName;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();

    DrivenClusterAccess(String agentName) {
        this.agentName = agentName;
    }

    void publish(ClusterEvent event) {
        for (Consumer<ClusterEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    @Override
    public String agentName() {
        return agentName;
    }

    @Override
    public List<Member> members() {
        return List.of();
    }

    @Override
    public Map<String, List<SupervisedChild>> children() {
        return Map.of();
    }

    @Override
    public Closeable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
