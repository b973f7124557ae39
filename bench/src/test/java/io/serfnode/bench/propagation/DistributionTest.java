package io.serfnode.bench.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void reportsMeasuredValuesByNearestRank() {
        Distribution d = Distribution.of(IntStream.rangeClosed(1, 100).boxed().toList().reversed());

        assertThat(d.p50()).isEqualTo(50);
        assertThat(d.p90()).isEqualTo(90);
        assertThat(d.p99()).isEqualTo(99);
        assertThat(d.max()).isEqualTo(100);
        assertThat(d.count()).isEqualTo(100);
    }

    @Test
    void aMissingArrivalMakesTheMaximumInfinite() {
        Distribution d = Distribution.of(List.of(10.0, Double.POSITIVE_INFINITY));

        assertThat(d.max()).isInfinite();
        assertThat(d.p50()).isEqualTo(10.0);
    }

    @Test
    void refusesAnEmptySample() {
        assertThatThrownBy(() -> Distribution.of(List.of())).hasMessageContaining("no values");
    }
}
