package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void reportsMeasuredValuesByNearestRank() {
        Percentiles percentiles = Percentiles.of(List.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5));

        assertThat(percentiles.p50()).isEqualTo(5);
        assertThat(percentiles.p90()).isEqualTo(9);
        assertThat(percentiles.max()).isEqualTo(10);
        assertThat(percentiles.count()).isEqualTo(10);
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles percentiles = Percentiles.of(List.of(42.5));

        assertThat(List.of(percentiles.p50(), percentiles.p90(), percentiles.max())).containsOnly(42.5);
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).hasMessageContaining("no values");
    }
}
