package io.serfnode.agent.cluster.view;

/** A view check that could not ask the cluster at all (serf unreachable, query refused). */
public final class ViewCheckException extends RuntimeException {
    public ViewCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
