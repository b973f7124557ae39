package io.serfnode.console.graph;

import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.Objects;

/**
 * A supervised child as the graph draws it: a satellite of its member, coloured by its state.
 *
 * @param changedAt when the state last changed; a child that changed within the last second pulses
 */
public record GraphChild(String name, SupervisorState state, Instant changedAt) {

    public GraphChild {
        Objects.requireNonNull(name, "child name");
        state = state == null ? SupervisorState.UNKNOWN : state;
        changedAt = changedAt == null ? Instant.EPOCH : changedAt;
    }

    /** A child whose last change is long past (it does not pulse). */
    public GraphChild(String name, SupervisorState state) {
        this(name, state, Instant.EPOCH);
    }

    public GraphChild withState(SupervisorState newState, Instant at) {
        return new GraphChild(name, newState, at);
    }
}
