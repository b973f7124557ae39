package io.serfnode.agent.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ClusterChildren} waits for transitions that gossip delivers out of order.
 *
 * @param reorderWindow    how long a transition that arrived early waits for the ones before it before the
 *                         missing ones are declared a gap; {@link Duration#ZERO} applies and reports at once
 * @param maxHeldPerMember how many early transitions of one member may wait; one more declares the gap
 */
public record ClusterChildrenConfig(Duration reorderWindow, int maxHeldPerMember) {
    public ClusterChildrenConfig {
        Objects.requireNonNull(reorderWindow, "reorderWindow");
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("reorderWindow must not be negative, was " + reorderWindow);
        }
        if (maxHeldPerMember < 1) {
            throw new IllegalArgumentException("maxHeldPerMember must be at least 1, was " + maxHeldPerMember);
        }
    }

    /**
     * Two seconds and 64 transitions: gossip of one burst normally arrives within a few hundred milliseconds
     * on a LAN, and a member rarely makes more than a few dozen transitions in two seconds.
     */
    public static ClusterChildrenConfig defaults() {
        return new ClusterChildrenConfig(Duration.ofSeconds(2), 64);
    }

    public ClusterChildrenConfig withReorderWindow(Duration window) {
        return new ClusterChildrenConfig(window, maxHeldPerMember);
    }

    public ClusterChildrenConfig withMaxHeldPerMember(int max) {
        return new ClusterChildrenConfig(reorderWindow, max);
    }
}
