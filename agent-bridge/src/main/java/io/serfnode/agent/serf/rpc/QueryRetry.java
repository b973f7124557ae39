package io.serfnode.agent.serf.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How one of our queries is asked: serf gives no delivery guarantee for queries, so a member that stays
 * silent is asked again.
 *
 * @param timeout  how long serf collects answers to one round of the query (one page, for paged queries)
 * @param attempts rounds in all for a member that stays silent; for paged queries also how often a member's
 *                 pages are asked from the start when they changed between pages
 */
public record QueryRetry(Duration timeout, int attempts) {
    public QueryRetry {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    public QueryRetry withTimeout(Duration value) {
        return new QueryRetry(value, attempts);
    }

    public QueryRetry withAttempts(int value) {
        return new QueryRetry(timeout, value);
    }
}
