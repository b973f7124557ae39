package io.serfnode.bench.ws;

import java.time.Duration;

/**
 * What the fan-out benchmark does.
 *
 * @param clients  how many WebSocket clients read the stream
 * @param rate     events emitted per second, from one thread
 * @param duration how long events are emitted and measured
 * @param warmup   how long events are emitted before, checked for loss but not in the delays
 */
record FanoutSettings(int clients, int rate, Duration duration, Duration warmup) {

    static final FanoutSettings ISSUE = new FanoutSettings(20, 5_000, Duration.ofSeconds(60), Duration.ofSeconds(5));

    FanoutSettings {
        if (clients < 1 || rate < 1 || duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("fan-out needs clients >= 1, rate >= 1, a positive duration and a "
                    + "warm-up >= 0; found " + clients + ", " + rate + ", " + duration + ", " + warmup);
        }
    }

    long warmupEvents() {
        return rate * warmup.toMillis() / 1000;
    }

    long totalEvents() {
        return warmupEvents() + rate * duration.toMillis() / 1000;
    }

    FanoutSettings withClients(int value) {
        return new FanoutSettings(value, rate, duration, warmup);
    }

    FanoutSettings withRate(int value) {
        return new FanoutSettings(clients, value, duration, warmup);
    }

    FanoutSettings withDuration(Duration value) {
        return new FanoutSettings(clients, rate, value, warmup);
    }

    FanoutSettings withWarmup(Duration value) {
        return new FanoutSettings(clients, rate, duration, value);
    }
}
