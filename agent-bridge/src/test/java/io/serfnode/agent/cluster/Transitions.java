package io.serfnode.agent.cluster;

import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Instant;

/** Transitions for tests, with fixed times. */
final class Transitions {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

    private Transitions() {
    }

    static SupervisorStateChanged transition(String member, String child, SupervisorState from, SupervisorState to,
                                             long counter) {
        return new SupervisorStateChanged(T0.plusSeconds(counter), member, child, from, to, null, 1, counter);
    }

    /** A STARTING -> RUNNING transition of {@code child}. */
    static SupervisorStateChanged running(String member, String child, long counter) {
        return transition(member, child, SupervisorState.STARTING, SupervisorState.RUNNING, counter);
    }

    static ChildTransition gossiped(String member, String child, long counter) {
        return ChildTransition.of(running(member, child, counter));
    }
}
