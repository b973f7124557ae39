package io.serfnode.agent.member;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.cluster.ClusterChildren;
import io.serfnode.agent.cluster.KnownChild;
import io.serfnode.agent.cluster.MemberChildren;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Child;
import io.serfnode.model.Member;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.ClusterEvent;
import java.io.Closeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cluster as this member knows it, for the WebSocket API: its membership view, every member's children
 * (its own straight from its supervisor, the others' from gossip and queries) and one stream of events.
 */
final class MemberClusterAccess implements ClusterAccess {
    private final String self;
    private final Supplier<List<Member>> members;
    private final Supervisor supervisor;
    private final ClusterChildren clusterChildren;
    private final ComponentLog log;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();

    MemberClusterAccess(String self, Supplier<List<Member>> members, Supervisor supervisor,
            ClusterChildren clusterChildren) {
        this.self = self;
        this.members = members;
        this.supervisor = supervisor;
        this.clusterChildren = clusterChildren;
        this.log = ComponentLog.of(self, "cluster-events");
    }

    @Override
    public String agentName() {
        return self;
    }

    @Override
    public List<Member> members() {
        return members.get();
    }

    @Override
    public Map<String, List<SupervisedChild>> children() {
        Map<String, List<SupervisedChild>> byMember = new LinkedHashMap<>();
        byMember.put(self, supervisor.snapshot());
        for (MemberChildren other : clusterChildren.snapshot().members().values()) {
            if (!other.member().equals(self)) {
                byMember.put(other.member(), other.children().stream().map(MemberClusterAccess::describe).toList());
            }
        }
        return byMember;
    }

    /** Another member's child as gossip and queries described it. */
    private static SupervisedChild describe(KnownChild known) {
        RuntimeKind runtime = known.runtime() == null ? RuntimeKind.PROCESS : known.runtime();
        String summary = known.summary() == null || known.summary().isBlank() ? "(not known yet)" : known.summary();
        Child child;
        if (runtime == RuntimeKind.DOCKER) {
            int space = summary.indexOf(' ');
            child = space < 0 ? Child.docker(known.name(), summary)
                    : new Child(known.name(), RuntimeKind.DOCKER, summary.substring(0, space), summary.substring(space + 1));
        } else {
            child = Child.process(known.name(), summary);
        }
        return new SupervisedChild(child, known.status());
    }

    @Override
    public Closeable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands an event to every subscriber; one failing subscriber does not keep the others from hearing. */
    void publish(ClusterEvent event) {
        for (Consumer<ClusterEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn(e, "a subscriber failed on a %s event", event.kind());
            }
        }
    }
}
