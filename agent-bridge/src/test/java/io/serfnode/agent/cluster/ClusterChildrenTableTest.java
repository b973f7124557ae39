package io.serfnode.agent.cluster;

import static io.serfnode.agent.cluster.Transitions.gossiped;
import static io.serfnode.agent.cluster.Transitions.running;
import static io.serfnode.agent.cluster.Transitions.transition;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterChildrenTableTest {
    private static final Duration WINDOW = Duration.ofSeconds(2);

    private static final Duration REPAIR = Duration.ofSeconds(5);

    private final RecordingListener listener = new RecordingListener();
    /** Declares gaps when the window ends, without fetching. */
    private final ClusterChildrenTable table = new ClusterChildrenTable(
            ClusterChildrenConfig.defaults().withReorderWindow(WINDOW).withMaxHeldPerMember(3)
                    .withRepairTimeout(Duration.ZERO), listener, ComponentLog.of("test", "cluster-children"));
    /** Asks for the missing transitions when the window ends. */
    private final ClusterChildrenTable fetching = new ClusterChildrenTable(
            ClusterChildrenConfig.defaults().withReorderWindow(WINDOW).withRepairTimeout(REPAIR).withMaxRepair(10),
            listener, ComponentLog.of("test", "cluster-children"));
    private Instant now = Instant.parse("2024-05-01T12:00:00Z");

    private void apply(ChildTransition transition) {
        table.apply(transition, now);
    }

    private void pass(Duration time) {
        now = now.plus(time);
        table.expire(now);
        fetching.expire(now);
    }

    private void fetched(long... counters) {
        for (long counter : counters) {
            fetching.apply(gossiped("a", "web", counter), now);
        }
    }

    @Test
    void asksForTheMissingTransitionsAndAppliesThemBeforeTheOnesAfterThem() {
        fetched(1, 4, 5);

        pass(WINDOW);
        // up to the last one waiting: the member's answer covers every gap at once
        assertThat(listener.missing).containsExactly(new TransitionGap("a", 2, 5));
        assertThat(listener.countersOf("a")).containsExactly(1L);
        assertThat(fetching.nextDeadline()).contains(now.plus(REPAIR));

        fetched(2, 3, 4);
        fetching.endRepair("a", 4, now);

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(listener.gaps).isEmpty();
        assertThat(fetching.nextDeadline()).isEmpty();
    }

    @Test
    void declaresTheGapForWhatTheMemberNoLongerHeld() {
        fetched(1, 4);
        pass(WINDOW);

        fetched(2);
        fetching.endRepair("a", 3, now);

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 3, 4));
        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 4L);
        assertThat(fetching.nextDeadline()).isEmpty();
    }

    @Test
    void declaresTheGapWhenTheMissingTransitionsDoNotComeInTime() {
        fetched(1, 3);
        pass(WINDOW);
        assertThat(listener.missing).hasSize(1);

        pass(REPAIR.minusMillis(1));
        assertThat(listener.gaps).isEmpty();
        pass(Duration.ofMillis(1));

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 2, 3));
        assertThat(listener.countersOf("a")).containsExactly(1L, 3L);
        // the answer that comes too late ends nothing more
        fetching.endRepair("a", 2, now);
        assertThat(listener.gaps).hasSize(1);
    }

    @Test
    void keepsTransitionsThatArriveWhileFetchingForTheirOwnWindow() {
        fetched(1, 3);
        pass(WINDOW);
        fetched(6);

        fetched(2);
        fetching.endRepair("a", 2, now);

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L);
        assertThat(listener.gaps).isEmpty();
        pass(WINDOW);
        assertThat(listener.missing).containsExactly(new TransitionGap("a", 2, 3), new TransitionGap("a", 4, 6));
    }

    @Test
    void declaresTheGapAtOnceForAMemberWithoutAStartingPoint() {
        fetched(5);

        pass(WINDOW);

        assertThat(listener.missing).isEmpty();
        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 1, 5));
    }

    @Test
    void fetchesTheGapsAfterTheFirstTransitionSeenOfAMemberThatWasAlreadyBusy() {
        fetched(31, 33);

        pass(WINDOW);

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 1, 31));
        assertThat(listener.missing).containsExactly(new TransitionGap("a", 32, 33));
        fetched(32);
        assertThat(listener.countersOf("a")).containsExactly(31L, 32L, 33L);
    }

    @Test
    void declaresTooLargeAGapAtOnceInsteadOfFetchingIt() {
        fetched(1, 20);

        pass(WINDOW);

        assertThat(listener.missing).isEmpty();
        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 2, 20));
    }

    @Test
    void appliesTransitionsInCounterOrderAndKeepsTheChildsLatestState() {
        apply(ChildTransition.of(transition("a", "web", SupervisorState.STOPPED, SupervisorState.STARTING, 1)));
        apply(new ChildTransition(running("a", "web", 2), RuntimeKind.PROCESS, "/bin/web"));

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L);
        KnownChild web = table.snapshot().child("a", "web").orElseThrow();
        assertThat(web.status().state()).isEqualTo(SupervisorState.RUNNING);
        assertThat(web.status().counter()).isEqualTo(2);
        assertThat(web.runtime()).isEqualTo(RuntimeKind.PROCESS);
        assertThat(web.summary()).isEqualTo("/bin/web");
        assertThat(table.snapshot().member("a").orElseThrow().counter()).isEqualTo(2);
        assertThat(table.snapshot().member("a").orElseThrow().complete()).isFalse();
    }

    @Test
    void dropsDuplicatesWhicheverAgentRelayedThem() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 2));
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 2));

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L);
        assertThat(table.snapshot().duplicatesDropped()).isEqualTo(2);
        assertThat(listener.gaps).isEmpty();
    }

    @Test
    void waitsForAnEarlierTransitionThatArrivesLate() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 3));
        apply(gossiped("a", "db", 4));
        assertThat(listener.countersOf("a")).containsExactly(1L);
        assertThat(table.nextDeadline()).contains(now.plus(WINDOW));

        pass(Duration.ofMillis(500));
        apply(gossiped("a", "db", 2));

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(listener.gaps).isEmpty();
        assertThat(table.nextDeadline()).isEmpty();
    }

    @Test
    void treatsAHeldTransitionArrivingAgainAsADuplicate() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 3));
        apply(gossiped("a", "web", 3));
        apply(gossiped("a", "web", 2));

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L);
        assertThat(table.snapshot().duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void reportsAGapWhenTheWindowEndsAndAppliesWhatCameAfterIt() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 4));
        apply(gossiped("a", "web", 5));

        pass(WINDOW.minusMillis(1));
        assertThat(listener.gaps).isEmpty();
        pass(Duration.ofMillis(1));

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 2, 4));
        assertThat(listener.gaps.getFirst().missing()).isEqualTo(2);
        assertThat(listener.countersOf("a")).containsExactly(1L, 4L, 5L);
        // the missing ones are too late now: the member's answer covers them
        apply(gossiped("a", "web", 2));
        assertThat(listener.countersOf("a")).containsExactly(1L, 4L, 5L);
        assertThat(table.nextDeadline()).isEmpty();
    }

    @Test
    void reportsEveryGapOfTheHeldTransitions() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 3));
        apply(gossiped("a", "web", 6));

        pass(WINDOW);

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 2, 3), new TransitionGap("a", 4, 6));
        assertThat(listener.countersOf("a")).containsExactly(1L, 3L, 6L);
    }

    @Test
    void declaresTheGapAtOnceWhenTooManyTransitionsWait() {
        apply(gossiped("a", "web", 1));
        for (long counter = 3; counter <= 6; counter++) {
            apply(gossiped("a", "web", counter));
        }

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 2, 3));
        assertThat(listener.countersOf("a")).containsExactly(1L, 3L, 4L, 5L, 6L);
    }

    @Test
    void appliesAndReportsAGapAtOnceWithoutAWindow() {
        ClusterChildrenTable immediate = new ClusterChildrenTable(
                ClusterChildrenConfig.defaults().withReorderWindow(Duration.ZERO), listener,
                ComponentLog.of("test", "cluster-children"));

        immediate.apply(gossiped("a", "web", 5), now);

        assertThat(listener.gaps).containsExactly(new TransitionGap("a", 1, 5));
        assertThat(listener.countersOf("a")).containsExactly(5L);
    }

    @Test
    void keepsMembersApart() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("b", "web", 1));
        apply(gossiped("b", "web", 2));
        apply(gossiped("a", "web", 2));

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L);
        assertThat(listener.countersOf("b")).containsExactly(1L, 2L);
        assertThat(table.snapshot().members().keySet()).containsExactly("a", "b");
    }

    @Test
    void takesTheAnswerOfAMemberWithoutAStartingPointAsOneAndDropsTheHistoryItCovers() {
        apply(gossiped("a", "web", 4));
        apply(gossiped("a", "web", 7));
        MemberChildren answer = new MemberChildren("a", 5, List.of(known("web", 5), known("db", 3)), true);

        table.replace(answer);

        assertThat(listener.replaced).singleElement().satisfies(replaced -> {
            assertThat(replaced.children()).extracting(KnownChild::name).containsExactly("web", "db");
            assertThat(replaced.counter()).isEqualTo(5);
        });
        MemberChildren a = table.snapshot().member("a").orElseThrow();
        assertThat(a.complete()).isTrue();
        assertThat(a.counter()).isEqualTo(5);
        assertThat(a.child("web").orElseThrow().status().counter()).isEqualTo(5);
        // 6 still missing: 7 waits for it
        apply(gossiped("a", "web", 6));
        assertThat(listener.countersOf("a")).containsExactly(6L, 7L);
        assertThat(table.snapshot().child("a", "web").orElseThrow().status().counter()).isEqualTo(7);
        assertThat(table.nextDeadline()).isEmpty();
    }

    @Test
    void repairsTheTableFromAnAnswerWithoutSwallowingTheTransitionsItOvertook() {
        apply(gossiped("a", "old", 1));
        apply(gossiped("a", "web", 2));
        MemberChildren answer = new MemberChildren("a", 4, List.of(known("web", 4), known("db", 3)), true);

        table.replace(answer);

        MemberChildren a = table.snapshot().member("a").orElseThrow();
        assertThat(a.complete()).isTrue();
        assertThat(a.children()).extracting(KnownChild::name).containsExactly("web", "db");
        assertThat(a.child("web").orElseThrow().status().counter()).isEqualTo(4);
        // the gossip of 3 and 4 was still on its way: each goes out once, in order, and moves no child back
        apply(gossiped("a", "db", 3));
        apply(gossiped("a", "web", 4));
        apply(gossiped("a", "web", 5));
        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(listener.gaps).isEmpty();
        assertThat(table.snapshot().child("a", "web").orElseThrow().status().counter()).isEqualTo(5);
        assertThat(table.snapshot().child("a", "db").orElseThrow().status().counter()).isEqualTo(3);
    }

    @Test
    void neverMovesAChildBackForAnAnswerOlderThanItsGossip() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 2));
        apply(ChildTransition.of(transition("a", "late", SupervisorState.STOPPED, SupervisorState.STARTING, 3)));

        table.replace(new MemberChildren("a", 1, List.of(known("web", 1), known("db", 1)), true));

        MemberChildren a = table.snapshot().member("a").orElseThrow();
        assertThat(a.counter()).isEqualTo(3);
        assertThat(a.child("web").orElseThrow().status().counter()).isEqualTo(2);
        assertThat(a.child("web").orElseThrow().summary()).isEqualTo("/bin/web");
        assertThat(a.children()).extracting(KnownChild::name).containsExactly("web", "db", "late");
        apply(gossiped("a", "web", 3));
        assertThat(table.snapshot().duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void forgetsAMemberButStillRecognisesItsOldTransitions() {
        apply(gossiped("a", "web", 1));
        apply(gossiped("a", "web", 2));

        table.forget("a");
        table.forget("a");

        assertThat(listener.forgotten).containsExactly("a");
        assertThat(table.snapshot().member("a")).isEmpty();
        apply(gossiped("a", "web", 2));
        assertThat(table.snapshot().member("a")).isEmpty();
        // after a rejoin its counter goes on
        apply(gossiped("a", "web", 3));
        assertThat(table.snapshot().child("a", "web")).isPresent();
        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void tellsEveryAcceptedTransitionExactlyOnceInCounterOrder() {
        long[] arrival = {2, 1, 2, 5, 3, 1, 4, 4, 7, 6, 5, 8};
        for (long counter : arrival) {
            apply(gossiped("a", "web", counter));
        }

        assertThat(listener.countersOf("a")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(listener.gaps).isEmpty();
        assertThat(table.snapshot().duplicatesDropped()).isEqualTo(4);
    }

    @Test
    void countsRestartsAndKeepsTheLastExitCodeFromGossip() {
        apply(ChildTransition.of(transition("a", "web", SupervisorState.STOPPED, SupervisorState.STARTING, 1)));
        apply(gossiped("a", "web", 2));
        apply(ChildTransition.of(new io.serfnode.model.event.SupervisorStateChanged(now, "a", "web",
                SupervisorState.RUNNING, SupervisorState.EXITED, 3, 1, 3)));
        apply(ChildTransition.of(transition("a", "web", SupervisorState.EXITED, SupervisorState.STARTING, 4)));

        ChildStatus status = table.snapshot().child("a", "web").orElseThrow().status();
        assertThat(status.state()).isEqualTo(SupervisorState.STARTING);
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.pid()).isNull();
    }

    private static KnownChild known(String name, long counter) {
        return new KnownChild(name, RuntimeKind.PROCESS, "/bin/" + name,
                new ChildStatus(SupervisorState.RUNNING, Transitions.T0, 100L, null, null, 1, 0, counter));
    }
}
