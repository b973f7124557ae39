package io.serfnode.agent.cluster;

/** Asking a member for its children failed; the message says which member, which page and why. */
public class ChildrenQueryException extends RuntimeException {
    private final String member;

    public ChildrenQueryException(String member, String message) {
        super(message);
        this.member = member;
    }

    public ChildrenQueryException(String member, String message, Throwable cause) {
        super(message, cause);
        this.member = member;
    }

    public String member() {
        return member;
    }
}
