package io.serfnode.bench.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTrialTest {

    @Test
    void countsTheFractionOfMembersThatHadTheEventByATime() {
        EventTrial trial = new EventTrial(1, 16, "a", List.of(1.0, 5.0, 9.0), 1, List.of());

        assertThat(trial.fractionBy(5.0, 4)).isEqualTo(0.5);
        assertThat(trial.fractionBy(100.0, 4)).isEqualTo(0.75);
    }

    @Test
    void anEventSomeMemberNeverSawNeverReachedEveryone() {
        assertThat(new EventTrial(1, 16, "a", List.of(1.0, 2.0), 1, List.of()).toAllMs()).isInfinite();
        assertThat(new EventTrial(1, 16, "a", List.of(1.0, 2.0), 0, List.of()).toAllMs()).isEqualTo(2.0);
    }
}
