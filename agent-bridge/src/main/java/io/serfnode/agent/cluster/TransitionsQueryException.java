package io.serfnode.agent.cluster;

/** Asking a member for its transitions failed; the message says which member, which counters and why. */
public final class TransitionsQueryException extends RuntimeException {
    public TransitionsQueryException(String message) {
        super(message);
    }

    public TransitionsQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
