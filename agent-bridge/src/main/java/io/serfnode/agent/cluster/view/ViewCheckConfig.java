package io.serfnode.agent.cluster.view;

import java.time.Duration;
import java.util.Objects;

/**
 * How a view check asks.
 *
 * @param timeout  how long serf collects answers to one round of the query
 * @param attempts rounds in all: members the asker holds alive that stayed silent are asked again on their
 *                 own, since serf queries lose an answer now and then
 */
public record ViewCheckConfig(Duration timeout, int attempts) {
    public ViewCheckConfig {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** Three seconds per round, two rounds. */
    public static ViewCheckConfig defaults() {
        return new ViewCheckConfig(Duration.ofSeconds(3), 2);
    }

    public ViewCheckConfig withTimeout(Duration value) {
        return new ViewCheckConfig(value, attempts);
    }

    public ViewCheckConfig withAttempts(int value) {
        return new ViewCheckConfig(timeout, value);
    }
}
