package io.serfnode.agent.cluster;

import io.serfnode.model.event.SupervisorStateChanged;

/**
 * Told of every change to the cluster's children, on the owner thread of {@link ClusterChildren}: hand
 * events on, do not block. Per member, transitions come exactly once and in counter order.
 * {@link ClusterChildren#snapshot()} shows a change only once the whole change that caused the call is done.
 */
public interface ClusterChildrenListener {

    /** A transition was accepted. */
    void onTransition(SupervisorStateChanged event);

    /**
     * Transitions of a member have not arrived within the reorder window: the ones after them wait while
     * they are fetched (hand them in with {@link ClusterChildren#apply}, then call
     * {@link ClusterChildren#endRepair}). Counters {@code firstMissing} up to {@code received - 1} are missing
     * or waiting.
     */
    default void onMissing(TransitionGap missing) {
    }

    /** Transitions of a member were missed for good; the ones after the gap were applied already. */
    default void onGap(TransitionGap gap) {
    }

    /** A member's children were replaced by its answer; transitions it covered are not told one by one. */
    default void onReplaced(MemberChildren children) {
    }

    /** A member was forgotten (it left or was reaped). */
    default void onForgotten(String member) {
    }
}
