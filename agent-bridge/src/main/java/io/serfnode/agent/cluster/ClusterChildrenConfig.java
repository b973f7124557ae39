package io.serfnode.agent.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ClusterChildren} waits for transitions that gossip delivers out of order.
 *
 * @param reorderWindow    how long a transition that arrived early waits for the ones before it before the
 *                         missing ones are declared a gap; {@link Duration#ZERO} applies and reports at once
 * @param maxHeldPerMember how many early transitions of one member may wait; one more declares the gap
 * @param repairTimeout    once the reorder window ended, how long the early transitions keep waiting while the
 *                         missing ones are fetched from their member; {@link Duration#ZERO} declares the gap
 *                         at once, without asking
 * @param maxRepair        the most missing transitions of one member fetched; a larger gap is declared at once
 *                         (the member's children are asked for instead)
 */
public record ClusterChildrenConfig(Duration reorderWindow, int maxHeldPerMember, Duration repairTimeout,
                                    int maxRepair) {
    public ClusterChildrenConfig {
        Objects.requireNonNull(reorderWindow, "reorderWindow");
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("reorderWindow must not be negative, was " + reorderWindow);
        }
        if (maxHeldPerMember < 1) {
            throw new IllegalArgumentException("maxHeldPerMember must be at least 1, was " + maxHeldPerMember);
        }
        Objects.requireNonNull(repairTimeout, "repairTimeout");
        if (repairTimeout.isNegative()) {
            throw new IllegalArgumentException("repairTimeout must not be negative, was " + repairTimeout);
        }
        if (maxRepair < 1) {
            throw new IllegalArgumentException("maxRepair must be at least 1, was " + maxRepair);
        }
    }

    /**
     * Two seconds and 64 transitions: gossip of one burst normally arrives within a few hundred milliseconds
     * on a LAN, and a member rarely makes more than a few dozen transitions in two seconds. Fifteen seconds
     * to fetch up to 256 missing transitions: it normally takes a few pages of {@code serfnode.transitions} in
     * well under a second, and leaves room to ask a lost query again.
     */
    public static ClusterChildrenConfig defaults() {
        return new ClusterChildrenConfig(Duration.ofSeconds(2), 64, Duration.ofSeconds(15), 256);
    }

    public ClusterChildrenConfig withReorderWindow(Duration window) {
        return new ClusterChildrenConfig(window, maxHeldPerMember, repairTimeout, maxRepair);
    }

    public ClusterChildrenConfig withMaxHeldPerMember(int max) {
        return new ClusterChildrenConfig(reorderWindow, max, repairTimeout, maxRepair);
    }

    public ClusterChildrenConfig withRepairTimeout(Duration timeout) {
        return new ClusterChildrenConfig(reorderWindow, maxHeldPerMember, timeout, maxRepair);
    }

    public ClusterChildrenConfig withMaxRepair(int max) {
        return new ClusterChildrenConfig(reorderWindow, maxHeldPerMember, repairTimeout, max);
    }
}
