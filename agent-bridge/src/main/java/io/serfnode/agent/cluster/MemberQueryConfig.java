package io.serfnode.agent.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a query to one member at a time ({@code serfnode.children}, {@code serfnode.transitions}) asks.
 *
 * @param pageTimeout how long serf collects answers to one page's query; a member silent that long fails
 * @param attempts    how often one page is asked when no answer comes, and how often a member's pages are
 *                    asked from the start when its child count changed between pages (it restarted)
 */
public record MemberQueryConfig(Duration pageTimeout, int attempts) {
    public MemberQueryConfig {
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("pageTimeout must be positive, was " + pageTimeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** Five seconds per page, three attempts. */
    public static MemberQueryConfig defaults() {
        return new MemberQueryConfig(Duration.ofSeconds(5), 3);
    }

    public MemberQueryConfig withPageTimeout(Duration timeout) {
        return new MemberQueryConfig(timeout, attempts);
    }

    public MemberQueryConfig withAttempts(int count) {
        return new MemberQueryConfig(pageTimeout, count);
    }
}
