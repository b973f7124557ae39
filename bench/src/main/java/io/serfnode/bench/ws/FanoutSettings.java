package io.serfnode.bench.ws;

import io.serfnode.agent.api.ws.WsLimits;
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
 * @param queueLimit the API's per-client queue ({@link WsLimits#queueLimit()})
 */
record FanoutSettings(int clients, int rate, Duration duration, Duration warmup, Duration baseline,
                      boolean clientsInOwnJvm, int queueLimit) {

    static final FanoutSettings ISSUE = new FanoutSettings(20, 5_000, Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofSeconds(20), true, WsLimits.DEFAULT.queueLimit());

    FanoutSettings {
        if (clients < 1 || rate < 1 || duration.isNegative() || duration.isZero() || warmup.isNegative()
                || baseline.isNegative() || queueLimit < 1) {
            throw new IllegalArgumentException("fan-out needs clients >= 1, rate >= 1, a positive duration, a "
                    + "warm-up >= 0, a baseline >= 0 and a queue limit >= 1; found " + clients + ", " + rate + ", "
                    + duration + ", " + warmup + ", " + baseline + ", " + queueLimit);
        }
    }

    long warmupEvents() {
        return rate * warmup.toMillis() / 1000;
    }

    long totalEvents() {
        return warmupEvents() + rate * duration.toMillis() / 1000;
    }

    FanoutSettings withClients(int value) {
        return new FanoutSettings(value, rate, duration, warmup, baseline, clientsInOwnJvm, queueLimit);
    }

    FanoutSettings withRate(int value) {
        return new FanoutSettings(clients, value, duration, warmup, baseline, clientsInOwnJvm, queueLimit);
    }

    FanoutSettings withDuration(Duration value) {
        return new FanoutSettings(clients, rate, value, warmup, baseline, clientsInOwnJvm, queueLimit);
    }

    FanoutSettings withWarmup(Duration value) {
        return new FanoutSettings(clients, rate, duration, value, baseline, clientsInOwnJvm, queueLimit);
    }

    FanoutSettings withBaseline(Duration value) {
        return new FanoutSettings(clients, rate, duration, warmup, value, clientsInOwnJvm, queueLimit);
    }

    FanoutSettings withQueueLimit(int value) {
        return new FanoutSettings(clients, rate, duration, warmup, baseline, clientsInOwnJvm, value);
    }

    FanoutSettings withClientsInOwnJvm(boolean value) {
        return new FanoutSettings(clients, rate, duration, warmup, baseline, value, queueLimit);
    }
}
