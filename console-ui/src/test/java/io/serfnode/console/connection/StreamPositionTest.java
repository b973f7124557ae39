package io.serfnode.console.connection;

import static io.serfnode.console.connection.Events.event;
import static io.serfnode.console.connection.Events.sequenced;
import static io.serfnode.console.connection.Events.transition;
import static io.serfnode.console.connection.Events.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {
    private final StreamPosition position = new StreamPosition();

    @Test
    void subscribesFreshTheFirstTime() {
        assertThat(position.resumeFor("s1")).isEqualTo(ResumeMessage.fresh());
    }

    @Test
    void resumesTheSameStreamFromTheLastDeliveredSeq() {
        position.following("s1");
        position.acceptSnapshot(snapshot(4));
        position.acceptEvent(event(5, userEvent("deploy")));

        assertThat(position.resumeFor("s1")).isEqualTo(ResumeMessage.fromSeq("s1", 5));
    }

    @Test
    void resumesAnotherStreamWithThePerMemberCounters() {
        position.following("s1");
        position.acceptSnapshot(snapshot(4, sequenced(3, transition("web-1", 7)), sequenced(4, transition("db-1", 2))));
        position.acceptEvent(event(5, transition("web-1", 8)));

        assertThat(position.resumeFor("s2")).isEqualTo(ResumeMessage.fromCounters(Map.of("web-1", 8L, "db-1", 2L)));
    }

    @Test
    void dropsEventsAtOrBelowTheLastSeqOfTheSameStream() {
        position.following("s1");
        position.acceptSnapshot(snapshot(4));

        assertThat(position.acceptEvent(event(4, userEvent("old")))).isInstanceOf(StreamPosition.EventDecision.Duplicate.class);
        assertThat(position.acceptEvent(event(5, userEvent("new")))).isInstanceOf(StreamPosition.EventDecision.Deliver.class);
        assertThat(position.acceptEvent(event(5, userEvent("new")))).isInstanceOf(StreamPosition.EventDecision.Duplicate.class);
    }

    @Test
    void reportsAGapInsteadOfDeliveringPastIt() {
        position.following("s1");
        position.acceptSnapshot(snapshot(4));

        assertThat(position.acceptEvent(event(7, userEvent("late"))))
                .isEqualTo(new StreamPosition.EventDecision.Gap(5, 7));
        assertThat(position.lastSeq()).isEqualTo(4);
    }

    @Test
    void dropsATransitionWhoseCounterWasDeliveredThroughAnotherAgent() {
        position.following("s1");
        position.acceptSnapshot(snapshot(1, sequenced(1, transition("web-1", 7))));
        position.following("s2");
        position.acceptSnapshot(snapshot(40));

        assertThat(position.acceptEvent(event(41, transition("web-1", 7))))
                .isInstanceOf(StreamPosition.EventDecision.Duplicate.class);
        assertThat(position.acceptEvent(event(42, transition("web-1", 8))))
                .isInstanceOf(StreamPosition.EventDecision.Deliver.class);
        assertThat(position.lastSeq()).isEqualTo(42);
    }

    @Test
    void aSnapshotAfterFailoverLeavesOutTransitionsDeliveredBefore() {
        position.following("s1");
        position.acceptSnapshot(snapshot(2, sequenced(1, transition("web-1", 7)), sequenced(2, transition("db-1", 3))));
        position.following("s2");

        SnapshotMessage delivered = position.acceptSnapshot(snapshot(30,
                sequenced(27, transition("web-1", 7)), sequenced(28, userEvent("deploy")),
                sequenced(29, transition("web-1", 8)), sequenced(30, transition("db-1", 3))));

        assertThat(delivered.recentEvents()).extracting(e -> e.seq()).containsExactly(28L, 29L);
        assertThat(position.counters()).isEqualTo(Map.of("web-1", 8L, "db-1", 3L));
    }

    private static SnapshotMessage snapshot(long seq, io.serfnode.model.event.SequencedEvent... recent) {
        return new SnapshotMessage(seq, List.of(), Map.of(), List.of(recent));
    }
}
