package io.serfnode.agent.cluster;

import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.model.SupervisedChild;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/** This member's own children, as its answers to {@code serfnode.children} report them. */
public interface LocalChildren {

    /**
     * The member's transition counter together with its children. The counter is read first: a transition
     * between the two reads then shows in the children but not in the counter, so receivers take the
     * transition once more from gossip instead of never.
     */
    State read();

    record State(long counter, List<SupervisedChild> children) {
        public State {
            children = List.copyOf(children);
        }
    }

    /** The children of {@code supervisor}, with the counter its transitions are numbered by. */
    static LocalChildren of(Supervisor supervisor, LongSupplier counter) {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(counter, "counter");
        return () -> {
            long current = counter.getAsLong();
            return new State(current, supervisor.snapshot());
        };
    }
}
