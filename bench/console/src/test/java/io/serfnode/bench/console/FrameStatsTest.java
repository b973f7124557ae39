package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void countsFramesPerSecondFromTheMomentsFramesCompleted() {
        long ms = 1_000_000;
        long[] moments = {0, 10 * ms, 20 * ms, 30 * ms, 70 * ms};

        FrameStats stats = FrameStats.of(moments);

        assertThat(stats.frames()).isEqualTo(4);
        assertThat(stats.seconds()).isCloseTo(0.07, within(1e-9));
        assertThat(stats.fps()).isCloseTo(4 / 0.07, within(1e-6));
        assertThat(stats.p50()).isEqualTo(10);
        assertThat(stats.p99()).isEqualTo(40);
        assertThat(stats.max()).isEqualTo(40);
        assertThat(stats.frameMillis()).containsExactly(10, 10, 10, 40);
    }

    @Test
    void takesPercentilesByNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(FrameStats.nearestRank(sorted, 50)).isEqualTo(5);
        assertThat(FrameStats.nearestRank(sorted, 90)).isEqualTo(9);
        assertThat(FrameStats.nearestRank(sorted, 99)).isEqualTo(10);
        assertThat(FrameStats.nearestRank(sorted, 0)).isEqualTo(1);
    }

    @Test
    void reportsNothingForFewerThanTwoFrames() {
        assertThat(FrameStats.of(new long[] {5}).fps()).isZero();
    }
}
