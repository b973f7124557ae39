package io.serfnode.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutResultTest {
    private static final FanoutSettings TWO_CLIENTS = new FanoutSettings(2, 1000, Duration.ofSeconds(1),
            Duration.ZERO, Duration.ofSeconds(1), true, 1024);

    @Test
    void countsAsAddedOnlyWhatIsAboveTheSingleClientBaseline() {
        FanoutResult result = FanoutResult.of(TWO_CLIENTS, phase(clean(1000, 3_000_000), clean(1000, 5_000_000)),
                new LatencySummary(1000, 1.0, 2.0, 2.5));

        assertThat(result.noLoss()).isTrue();
        assertThat(result.all().p99Ms()).isEqualTo(5.0);
        assertThat(result.addedP99Ms()).isEqualTo(3.0);
        assertThat(result.markdown()).contains("added by fan-out: p50 2.00 ms, p99 3.00 ms")
                .contains("p99 added under 50 ms: yes");
    }

    @Test
    void reportsLossWhenAClientMissedEventsOrLagged() {
        FanoutResult result = FanoutResult.of(TWO_CLIENTS, phase(clean(1000, 1),
                new FanoutReader.Result(900, 1, 0, null, new long[] {1}, 1)), null);

        assertThat(result.noLoss()).isFalse();
        assertThat(result.markdown()).contains("no loss: NO");
    }

    private static FanoutReader.Result clean(int events, long delayNanos) {
        long[] delays = new long[events];
        java.util.Arrays.fill(delays, delayNanos);
        return new FanoutReader.Result(events, 0, 0, null, delays, events);
    }

    private static FanoutBench.Phase phase(FanoutReader.Result... results) {
        return new FanoutBench.Phase(List.of(results), 1.0, new FanoutBench.Emission(0, 0), "0.1", "0.2", 1.0,
                2.0);
    }
}
