package io.serfnode.agent.cluster;

import io.serfnode.model.RuntimeKind;
import io.serfnode.model.event.SupervisorStateChanged;
import java.util.Objects;

/**
 * One supervisor transition with what the sender knew of the child.
 *
 * @param runtime the child's runtime; {@code null} when the sender did not say
 * @param summary the child's image or command line; {@code null} when it did not fit or was not known
 */
public record ChildTransition(SupervisorStateChanged event, RuntimeKind runtime, String summary) {
    public ChildTransition {
        Objects.requireNonNull(event, "event");
    }

    /** A transition without descriptive data. */
    public static ChildTransition of(SupervisorStateChanged event) {
        return new ChildTransition(event, null, null);
    }

    public String member() {
        return event.member();
    }

    public long counter() {
        return event.counter();
    }
}
