package io.serfnode.console.session;

import java.time.Duration;

/**
 * Pacing of reconnects: exponential backoff from {@code initialDelay} to {@code maxDelay}; after
 * {@code attemptsBeforeFailover} failed attempts on one agent, the other members' addresses from
 * {@code welcome} are tried in turn.
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int attemptsBeforeFailover) {

    /** Failover within a few seconds of an agent going away. */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), 2);

    public ReconnectPolicy withInitialDelay(Duration delay) {
        return new ReconnectPolicy(delay, maxDelay, attemptsBeforeFailover);
    }

    public ReconnectPolicy withMaxDelay(Duration delay) {
        return new ReconnectPolicy(initialDelay, delay, attemptsBeforeFailover);
    }

    public ReconnectPolicy withAttemptsBeforeFailover(int attempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, attempts);
    }
}
