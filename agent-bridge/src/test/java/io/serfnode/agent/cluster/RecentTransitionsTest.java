package io.serfnode.agent.cluster;

import static io.serfnode.agent.cluster.Transitions.gossiped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RecentTransitionsTest {
    private final RecentTransitions recent = new RecentTransitions(3);

    private static long[] counters(RecentTransitions.Slice slice) {
        return slice.transitions().stream().mapToLong(ChildTransition::counter).toArray();
    }

    @Test
    void givesTheHeldTransitionsOfARangeInCounterOrder() {
        for (long counter = 1; counter <= 3; counter++) {
            recent.record(gossiped("a", "web", counter));
        }

        RecentTransitions.Slice slice = recent.range(2, 3);

        assertThat(counters(slice)).containsExactly(2, 3);
        assertThat(slice.oldestHeld()).isEqualTo(1);
        assertThat(counters(recent.range(4, 9))).isEmpty();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        for (long counter = 1; counter <= 5; counter++) {
            recent.record(gossiped("a", "web", counter));
        }

        RecentTransitions.Slice slice = recent.range(1, 5);

        assertThat(counters(slice)).containsExactly(3, 4, 5);
        assertThat(slice.oldestHeld()).isEqualTo(3);
    }

    @Test
    void startsAfreshWhenTheCounterGoesBack() {
        recent.record(gossiped("a", "web", 7));
        recent.record(gossiped("a", "web", 8));
        recent.record(gossiped("a", "web", 1));

        assertThat(counters(recent.range(1, 10))).containsExactly(1);
    }

    @Test
    void holdsNothingAtFirst() {
        assertThat(recent.range(1, 10).oldestHeld()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new RecentTransitions(0))
                .withMessageContaining("capacity must be at least 1");
    }
}
