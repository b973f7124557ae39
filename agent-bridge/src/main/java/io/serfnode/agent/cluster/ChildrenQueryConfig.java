package io.serfnode.agent.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ChildrenQuery} asks.
 *
 * @param pageTimeout how long serf collects answers to one page's query; a member silent that long fails
 * @param attempts    how often one page is asked when no answer comes, and how often a member's pages are
 *                    asked from the start when its child count changed between pages (it restarted)
 */
public record ChildrenQueryConfig(Duration pageTimeout, int attempts) {
    public ChildrenQueryConfig {
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("pageTimeout must be positive, was " + pageTimeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** Five seconds per page, three attempts. */
    public static ChildrenQueryConfig defaults() {
        return new ChildrenQueryConfig(Duration.ofSeconds(5), 3);
    }

    public ChildrenQueryConfig withPageTimeout(Duration timeout) {
        return new ChildrenQueryConfig(timeout, attempts);
    }

    public ChildrenQueryConfig withAttempts(int count) {
        return new ChildrenQueryConfig(pageTimeout, count);
    }
}
