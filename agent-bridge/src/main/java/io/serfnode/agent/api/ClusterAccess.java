package io.serfnode.agent.api;

import io.serfnode.model.Member;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.ClusterEvent;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The cluster as the member serving the API knows it. */
public interface ClusterAccess {

    /** The serving member's node name. */
    String agentName();

    /** Every member this member knows, any status. */
    List<Member> members();

    /** Every member's children with their states, by member name. */
    Map<String, List<SupervisedChild>> children();

    /**
     * Every cluster event this member learns from now on — membership, supervisor transitions of every
     * member (each once, in counter order per member), user events, queries and command audits — in the
     * order it learns them. The state read through {@link #members()} and {@link #children()} already
     * shows a change when its event is delivered, never later.
     */
    Closeable subscribe(Consumer<ClusterEvent> listener);
}
