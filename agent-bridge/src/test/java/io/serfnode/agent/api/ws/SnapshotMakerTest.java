package io.serfnode.agent.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.agent.api.journal.JournalStart;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.SnapshotMessage;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SnapshotMakerTest {
    private static final Member WEB_1 = Member.plain("web-1", "127.0.0.11", 7946, MemberStatus.ALIVE);

    private final ClusterAccess cluster = new ClusterAccess() {
        @Override
        public String agentName() {
            return "web-1";
        }

        @Override
        public List<Member> members() {
            return List.of(WEB_1);
        }

        @Override
        public Map<String, List<SupervisedChild>> children() {
            return Map.of("web-1", List.of(), "web-2", List.of());
        }

        @Override
        public Closeable subscribe(Consumer<ClusterEvent> listener) {
            return () -> { };
        }
    };

    private static SequencedEvent transition(long seq, String member, long counter) {
        return new SequencedEvent(seq, new SupervisorStateChanged(Instant.EPOCH, member, "nginx",
                SupervisorState.STARTING, SupervisorState.RUNNING, null, 1, counter));
    }

    @Test
    void leavesOutOnlyTheTransitionsTheClientAlreadyHas() {
        SequencedEvent seenWeb1 = transition(1, "web-1", 41);
        SequencedEvent user = new SequencedEvent(2, new UserEvent(Instant.EPOCH, "deploy", Payload.EMPTY, false, 1));
        SequencedEvent newWeb1 = transition(3, "web-1", 42);
        SequencedEvent seenAtTheEdge = transition(4, "db-1", 7);
        SequencedEvent unknownMember = transition(5, "cache-1", 1);
        JournalStart start = new JournalStart(5, List.of(seenWeb1, user, newWeb1, seenAtTheEdge, unknownMember));

        SnapshotMessage snapshot = new SnapshotMaker(cluster).make(start, Map.of("web-1", 41L, "db-1", 7L));

        assertThat(snapshot.recentEvents()).containsExactly(user, newWeb1, unknownMember);
        assertThat(snapshot.seq()).isEqualTo(5);
        assertThat(snapshot.members()).containsExactly(WEB_1);
    }

    @Test
    void keepsEveryRecentEventWithoutCountersAndLeavesOutMembersWithoutChildren() {
        JournalStart start = new JournalStart(1, List.of(transition(1, "web-1", 41)));

        SnapshotMessage snapshot = new SnapshotMaker(cluster).make(start, null);

        assertThat(snapshot.recentEvents()).hasSize(1);
        assertThat(snapshot.children()).isEmpty();
    }
}
