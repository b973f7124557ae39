package io.serfnode.agent.member;

import java.time.Duration;

/**
 * How serf treats a member it marked failed. A {@code null} keeps serf's own default.
 *
 * @param interval how often serf tries to reach failed members again (serf: 30 s); after a network partition
 *                 heals, the sides find each other again within about this time
 * @param timeout  how long a failed member is tried before every member forgets it, a {@code member-reap}
 *                 (serf: 24 h); until then each member keeps what it knows of the failed member and its children
 */
public record SerfReconnect(Duration interval, Duration timeout) {

    /** Serf's own defaults: try every 30 s, forget after 24 h. */
    public static final SerfReconnect SERF_DEFAULTS = new SerfReconnect(null, null);

    public SerfReconnect {
        requireAtLeastOneMilli(interval, "interval");
        requireAtLeastOneMilli(timeout, "timeout");
    }

    public SerfReconnect withInterval(Duration value) {
        return new SerfReconnect(value, timeout);
    }

    public SerfReconnect withTimeout(Duration value) {
        return new SerfReconnect(interval, value);
    }

    private static void requireAtLeastOneMilli(Duration value, String what) {
        if (value != null && value.toMillis() < 1) {
            throw new IllegalArgumentException("serf's reconnect " + what + " must be at least 1 ms, was " + value);
        }
    }
}
