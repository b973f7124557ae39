package io.serfnode.bench.ws;

import java.time.Duration;

/**
 * What the fan-out benchmark does.
 *
 * @param clients  how many WebSocket clients read the stream
 * @param rate     events emitted per second, from one thread
 * @param duration how long events are emitted and measured
 * @param warmup   how long events are emitted before, checked for loss but not in the delays
 * @param baseline how long a first run with a single client emits (zero: no baseline run)
 * @param clientsInOwnJvm whether the clients run in a second JVM rather than in the server's
 */
record FanoutSettings(int clients, int rate, Duration duration, Duration warmup, Duration baseline,
                      boolean clientsInOwnJvm) {

    static final FanoutSettings ISSUE = new FanoutSettings(20, 5_000, Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofSeconds(20), true);

    FanoutSettings {
        if (clients < 1 || rate < 1 || duration.isNegative() || duration.isZero() || warmup.isNegative()
                || baseline.isNegative()) {
            throw new IllegalArgumentException("fan-out needs clients >= 1, rate >= 1, a positive duration, a "
                    + "warm-up >= 0 and a baseline >= 0; found " + clients + ", " + rate + ", " + duration + ", "
                    + warmup + ", " + baseline);
        }
    }

    long warmupEvents() {
        return rate * warmup.toMillis() / 1000;
    }

    long totalEvents() {
        return warmupEvents() + rate * duration.toMillis() / 1000;
    }

    FanoutSettings withClients(int value) {
        return new FanoutSettings(value, rate, duration, warmup, baseline, clientsInOwnJvm);
    }

    FanoutSettings withRate(int value) {
        return new FanoutSettings(clients, value, duration, warmup, baseline, clientsInOwnJvm);
    }

    FanoutSettings withDuration(Duration value) {
        return new FanoutSettings(clients, rate, value, warmup, baseline, clientsInOwnJvm);
    }

    FanoutSettings withWarmup(Duration value) {
        return new FanoutSettings(clients, rate, duration, value, baseline, clientsInOwnJvm);
    }

    FanoutSettings withBaseline(Duration value) {
        return new FanoutSettings(clients, rate, duration, warmup, value, clientsInOwnJvm);
    }

    FanoutSettings withClientsInOwnJvm(boolean value) {
        return new FanoutSettings(clients, rate, duration, warmup, baseline, value);
    }
}
