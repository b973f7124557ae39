package io.serfnode.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void reportsMeasuredDelaysInMillisecondsByNearestRank() {
        long[] nanos = LongStream.rangeClosed(1, 200).map(i -> (201 - i) * 1_000_000).toArray();

        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertThat(summary.p50Ms()).isEqualTo(100.0);
        assertThat(summary.p99Ms()).isEqualTo(198.0);
        assertThat(summary.maxMs()).isEqualTo(200.0);
        assertThat(summary.count()).isEqualTo(200);
    }

    @Test
    void summarisesOnlyTheFilledPartOfABuffer() {
        long[] nanos = {3_000_000, 1_000_000, 2_000_000, 0, 0};

        assertThat(LatencySummary.ofNanos(nanos, 3).maxMs()).isEqualTo(3.0);
    }

    @Test
    void refusesNoDelays() {
        assertThatThrownBy(() -> LatencySummary.ofNanos(new long[0])).hasMessageContaining("no delays");
    }
}
