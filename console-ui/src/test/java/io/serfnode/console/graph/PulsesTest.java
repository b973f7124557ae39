package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PulsesTest {
    private final GraphModel before = GraphFixtures.sixMembers();

    @Test
    void pulsesAChildWhoseStateChangedBetweenModels() {
        GraphMember web2 = before.member("web-2").orElseThrow();
        GraphModel after = before.withMember(web2.withChildren(List.of(web2.children().get(0),
                web2.children().get(1).withState(SupervisorState.FATAL, Instant.EPOCH))));
        Pulses pulses = new Pulses();

        pulses.rebuild(before, after, 10_000);

        assertThat(pulses.count()).isEqualTo(1);
        assertThat(pulses.member(0)).isEqualTo(after.indexOf("web-2"));
        assertThat(pulses.child(0)).isEqualTo(1);
        assertThat(pulses.progress(0, 10_500)).isEqualTo(0.5);
        assertThat(pulses.prune(10_999)).isTrue();
        assertThat(pulses.prune(11_000)).isFalse();
    }

    @Test
    void pulsesANewlySeenChildOnlyWhenItsChangeIsRecent() {
        GraphMember fresh = new GraphMember("new", "10.0.0.9", List.of("db"), null, List.of(
                new GraphChild("recent", SupervisorState.STARTING, Instant.ofEpochMilli(9_800)),
                new GraphChild("old", SupervisorState.RUNNING, Instant.ofEpochMilli(1_000))));
        Pulses pulses = new Pulses();

        pulses.rebuild(before, before.withMember(fresh), 10_000);

        assertThat(pulses.count()).isEqualTo(1);
        assertThat(pulses.child(0)).isZero();
    }

    @Test
    void keepsRunningPulsesAcrossModelsThatDoNotTouchThem() {
        GraphMember db1 = before.member("db-1").orElseThrow();
        GraphModel changed = before.withMember(db1.withChildren(List.of(
                db1.children().get(0).withState(SupervisorState.BACKOFF, Instant.EPOCH), db1.children().get(1))));
        Pulses pulses = new Pulses();
        pulses.rebuild(before, changed, 10_000);

        pulses.rebuild(changed, changed.withMember(changed.member("web-1").orElseThrow()
                .withStatus(io.serfnode.model.MemberStatus.FAILED)), 10_400);

        assertThat(pulses.count()).isEqualTo(1);
        assertThat(pulses.progress(0, 10_400)).isEqualTo(0.4);
    }

    @Test
    void doesNothingWhenNothingChanged() {
        Pulses pulses = new Pulses();
        pulses.rebuild(before, before, 10_000);
        assertThat(pulses.count()).isZero();
    }

    @Test
    void indexesPulsesOldestFirstAndMovesAChildThatChangesAgainToTheEnd() {
        GraphMember web2 = before.member("web-2").orElseThrow();
        GraphMember db1 = before.member("db-1").orElseThrow();
        GraphModel web2Changed = before.withMember(web2.withChildren(List.of(
                web2.children().get(0).withState(SupervisorState.EXITED, Instant.EPOCH), web2.children().get(1))));
        GraphModel db1Changed = web2Changed.withMember(db1.withChildren(List.of(
                db1.children().get(0).withState(SupervisorState.BACKOFF, Instant.EPOCH), db1.children().get(1))));
        GraphMember web2Again = db1Changed.member("web-2").orElseThrow();
        GraphModel web2ChangedAgain = db1Changed.withMember(web2Again.withChildren(List.of(
                web2Again.children().get(0).withState(SupervisorState.BACKOFF, Instant.EPOCH),
                web2Again.children().get(1))));
        Pulses pulses = new Pulses();

        pulses.rebuild(before, web2Changed, 10_000);
        pulses.rebuild(web2Changed, db1Changed, 10_100);
        assertThat(pulses.member(pulses.count() - 1)).isEqualTo(db1Changed.indexOf("db-1"));

        pulses.rebuild(db1Changed, web2ChangedAgain, 10_200);

        assertThat(pulses.count()).isEqualTo(2);
        assertThat(pulses.member(0)).isEqualTo(web2ChangedAgain.indexOf("db-1"));
        assertThat(pulses.member(1)).isEqualTo(web2ChangedAgain.indexOf("web-2"));
        assertThat(pulses.progress(1, 10_200)).isZero();
    }

    @Test
    void reindexesRunningPulsesWhenMembersMoveAndDropsThoseOfMembersThatWentAway() {
        GraphMember web2 = before.member("web-2").orElseThrow();
        GraphMember db1 = before.member("db-1").orElseThrow();
        GraphModel changed = before
                .withMember(web2.withChildren(List.of(web2.children().get(0),
                        web2.children().get(1).withState(SupervisorState.FATAL, Instant.EPOCH))))
                .withMember(db1.withChildren(List.of(
                        db1.children().get(0).withState(SupervisorState.BACKOFF, Instant.EPOCH),
                        db1.children().get(1))));
        Pulses pulses = new Pulses();
        pulses.rebuild(before, changed, 10_000);
        List<GraphMember> withoutDb1 = changed.members().stream()
                .filter(member -> !member.name().equals("db-1")).toList();
        GraphModel moved = GraphModel.of(withoutDb1.reversed());

        pulses.rebuild(changed, moved, 10_100);

        assertThat(pulses.count()).isEqualTo(1);
        assertThat(pulses.member(0)).isEqualTo(moved.indexOf("web-2"));
        assertThat(pulses.child(0)).isEqualTo(1);
    }
}
