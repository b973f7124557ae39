package io.serfnode.console.state;

import static io.serfnode.console.testing.Clusters.event;
import static io.serfnode.console.testing.Clusters.member;
import static io.serfnode.console.testing.Clusters.threeMembers;
import static io.serfnode.console.testing.Clusters.transition;
import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STARTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.testing.Clusters;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.UserEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
    private final ClusterState state = new ClusterState();

    @Test
    void snapshotReplacesEveryMemberAndChild() {
        state.apply(event(1, new MemberJoined(Clusters.T0, member("old-1", "127.0.0.9", "gone"))));

        state.apply(threeMembers(40));

        assertThat(state.members()).extracting(MemberView::name).containsExactly("web-1", "db-1", "plain-1");
        assertThat(state.member("web-1").orElseThrow().children()).extracting(ChildView::name)
                .containsExactly("app", "sidecar");
        assertThat(state.seq()).isEqualTo(40);
        assertThat(state.agent()).contains("web-1");
        assertThat(state.snapshots()).isEqualTo(1);
    }

    @Test
    void supervisorTransitionsUpdateTheChildAndItsTimeline() {
        state.apply(threeMembers(10));

        state.apply(event(11, transition("web-1", "app", RUNNING, EXITED, 137, 5)));
        state.apply(event(12, transition("web-1", "app", EXITED, STARTING, null, 6)));
        state.apply(event(13, transition("web-1", "app", STARTING, RUNNING, null, 7)));

        ChildView app = child("web-1", "app");
        assertThat(app.status().state()).isEqualTo(RUNNING);
        assertThat(app.status().exitCode()).isEqualTo(137);
        assertThat(app.status().restarts()).isEqualTo(1);
        assertThat(app.timeline()).extracting(StateMark::state).containsExactly(RUNNING, EXITED, STARTING, RUNNING);
        assertThat(state.seq()).isEqualTo(13);
    }

    @Test
    void logRowsShareTheNamesTheStateHoldsAndOneTextPerTransition() {
        state.apply(threeMembers(10));
        // a decoder makes fresh strings for every message
        String member = new String("web-1".toCharArray());
        String childName = new String("app".toCharArray());

        state.apply(event(11, transition(member, childName, RUNNING, EXITED, 1, 5)));
        state.apply(event(12, transition(new String(member.toCharArray()), new String(childName.toCharArray()),
                EXITED, BACKOFF, null, 6)));
        state.apply(event(13, transition("web-1", "app", BACKOFF, RUNNING, null, 7)));
        state.apply(event(14, transition("web-1", "app", RUNNING, EXITED, 1, 8)));

        List<EventRow> rows = state.eventLog().since(state.eventLog().appended() - 4);
        MemberView web = state.member("web-1").orElseThrow();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.member()).isSameAs(web.name());
            assertThat(row.child()).isSameAs(child("web-1", "app").name());
        });
        assertThat(rows.get(3).details()).startsWith("RUNNING → EXITED (exit 1)").isSameAs(rows.get(0).details());
    }

    @Test
    void ignoresATransitionTheChildAlreadyReflects() {
        state.apply(threeMembers(10));

        state.apply(event(11, transition("web-1", "app", RUNNING, FATAL, 1, 3)));

        assertThat(child("web-1", "app").status().state()).isEqualTo(RUNNING);
    }

    @Test
    void membershipEventsChangeStatusAndReapRemovesTheMember() {
        state.apply(threeMembers(10));
        state.drainTouchedMembers();

        state.apply(event(11, new MemberFailed(Clusters.T0.plusSeconds(5),
                member("db-1", "127.0.0.3", "db backup").withStatus(MemberStatus.FAILED))));

        MemberView db = state.member("db-1").orElseThrow();
        assertThat(db.member().status()).isEqualTo(MemberStatus.FAILED);
        assertThat(db.statusSince()).isEqualTo(Clusters.T0.plusSeconds(5));
        assertThat(state.drainTouchedMembers()).containsExactly("db-1");

        state.apply(event(12, new MemberReaped(Clusters.T0.plusSeconds(9),
                member("db-1", "127.0.0.3", "db backup").withStatus(MemberStatus.FAILED))));

        assertThat(state.member("db-1")).isEmpty();
        assertThat(state.memberNames()).containsExactly("web-1", "plain-1");
    }

    @Test
    void everyEventBecomesOneReadableLogRowWithTheMembersRoles() {
        state.apply(threeMembers(10));

        state.apply(event(11, transition("db-1", "postgres", RUNNING, BACKOFF, 2, 8)));
        state.apply(event(12, new UserEvent(Clusters.T0, "deploy", Payload.ofText("v2"), false, 4)));

        List<EventRow> rows = state.eventLog().all();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).satisfies(row -> {
            assertThat(row.kind()).isEqualTo("supervisor-state");
            assertThat(row.member()).isEqualTo("db-1");
            assertThat(row.child()).isEqualTo("postgres");
            assertThat(row.roles()).isEqualTo("db backup");
            assertThat(row.details()).contains("RUNNING → BACKOFF").contains("exit 2");
        });
        assertThat(rows.get(1).details()).isEqualTo("deploy v2");
    }

    @Test
    void keepsOnlyTheNewestRowsWhenTheLogIsFull() {
        ClusterState small = new ClusterState(ClusterState.Limits.DEFAULT.withEventRows(3));
        small.apply(threeMembers(0));

        for (int seq = 1; seq <= 5; seq++) {
            small.apply(event(seq, new UserEvent(Clusters.T0, "e" + seq, Payload.EMPTY, false, seq)));
        }

        assertThat(small.eventLog().all()).extracting(EventRow::seq).containsExactly(3L, 4L, 5L);
        assertThat(small.eventLog().appended()).isEqualTo(5);
    }

    @Test
    void aSecondSnapshotDoesNotRepeatRowsAlreadyShown() {
        state.apply(threeMembers(10));
        UserEvent deploy = new UserEvent(Clusters.T0, "deploy", Payload.EMPTY, false, 4);
        state.apply(event(11, deploy));

        var resync = threeMembers(500);
        state.apply(new io.serfnode.console.session.SessionUpdate.SnapshotReceived(resync.welcome(),
                new io.serfnode.model.wire.SnapshotMessage(500, resync.snapshot().members(), resync.snapshot().children(),
                        List.of(new io.serfnode.model.event.SequencedEvent(499, deploy)))));

        assertThat(state.eventLog().all()).hasSize(1);
    }

    private ChildView child(String member, String child) {
        return state.member(member).orElseThrow().children().stream()
                .filter(c -> c.name().equals(child)).findFirst().orElseThrow();
    }
}
