package io.serfnode.agent.cluster;

import io.serfnode.model.ChildStatus;
import io.serfnode.model.RuntimeKind;
import java.util.Objects;

/**
 * A child of some member as this member knows it.
 *
 * @param runtime {@code null} until a transition or an answer told it
 * @param summary the image or command line, {@code null} until known; answers may shorten it (ending in …)
 * @param status  its status; learnt from gossip, {@code pid} is unknown ({@code null}) and {@code restarts}
 *                counted from the transitions seen, until the next answer of the member brings exact values
 */
public record KnownChild(String name, RuntimeKind runtime, String summary, ChildStatus status) {
    public KnownChild {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public KnownChild withStatus(ChildStatus newStatus) {
        return new KnownChild(name, runtime, summary, newStatus);
    }
}
