package io.serfnode.agent.cluster;

import io.serfnode.model.event.SupervisorStateChanged;
import java.io.Closeable;
import java.util.concurrent.CompletableFuture;

/**
 * The children and states of every member as this member knows them. Changes may be handed in from any
 * thread; one owner thread applies them in the order handed in and tells the listeners. Each change
 * completes once applied.
 */
public interface ClusterChildren extends AutoCloseable {

    /** A transition of this member's own supervisor or one gossiped by any member. */
    CompletableFuture<Void> apply(ChildTransition transition);

    default CompletableFuture<Void> apply(SupervisorStateChanged event) {
        return apply(ChildTransition.of(event));
    }

    /** Replaces a member's children by its answer to {@code serfnode.children}. */
    CompletableFuture<Void> replace(MemberChildren answer);

    /**
     * Ends the fetching of a member's missing transitions up to {@code upTo} that
     * {@link ClusterChildrenListener#onMissing} asked for: what is still missing there is declared a gap now.
     */
    CompletableFuture<Void> endRepair(String member, long upTo);

    /** Forgets a member that left or was reaped. */
    CompletableFuture<Void> forget(String member);

    /** The state after every change applied so far; never blocks. */
    ClusterChildrenSnapshot snapshot();

    /** Tells {@code listener} of every later change, on the owner thread; closing the result stops that. */
    Closeable subscribe(ClusterChildrenListener listener);

    /** Stops the owner thread; later changes fail. */
    @Override
    void close();
}
