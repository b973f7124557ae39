package io.serfnode.agent.cluster;

/**
 * Transitions of a member that never arrived: counters {@code firstMissing} up to {@code received - 1}.
 * The member's state may be out of date; ask it with {@code serfnode.children}.
 */
public record TransitionGap(String member, long firstMissing, long received) {
    public long missing() {
        return received - firstMissing;
    }
}
