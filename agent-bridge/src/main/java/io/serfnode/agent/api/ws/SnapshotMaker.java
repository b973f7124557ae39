package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.journal.JournalStart;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.SnapshotMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a snapshot together. The cluster is read after the journal fixed the snapshot's {@code seq}, so the
 * picture is never older than the {@code seq} (it may show the effect of an event that follows it, which a
 * client applies again without harm).
 */
final class SnapshotMaker {
    private final ClusterAccess cluster;

    SnapshotMaker(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /**
     * The snapshot after {@code start}. With {@code counters}, the recent events leave out every supervisor
     * transition of a named member whose counter is at most the one given: the client has it already.
     */
    SnapshotMessage make(JournalStart start, Map<String, Long> counters) {
        List<SequencedEvent> recent = counters == null || counters.isEmpty() ? start.recent()
                : start.recent().stream().filter(event -> !alreadySeen(event, counters)).toList();
        Map<String, List<SupervisedChild>> children = new LinkedHashMap<>();
        cluster.children().forEach((member, list) -> {
            if (!list.isEmpty()) {
                children.put(member, list);
            }
        });
        return new SnapshotMessage(start.seq(), cluster.members(), children, recent);
    }

    static boolean alreadySeen(SequencedEvent event, Map<String, Long> counters) {
        if (!(event.event() instanceof SupervisorStateChanged transition)) {
            return false;
        }
        Long seen = counters.get(transition.member());
        return seen != null && transition.counter() <= seen;
    }
}
