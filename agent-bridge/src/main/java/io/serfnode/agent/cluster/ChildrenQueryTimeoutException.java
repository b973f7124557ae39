package io.serfnode.agent.cluster;

/** A member did not answer {@code serfnode.children} before the query's timeout. */
public final class ChildrenQueryTimeoutException extends ChildrenQueryException {
    public ChildrenQueryTimeoutException(String member, String message) {
        super(member, message);
    }
}
