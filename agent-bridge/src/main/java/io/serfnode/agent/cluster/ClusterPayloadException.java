package io.serfnode.agent.cluster;

/** A {@code serfnode.sv} or {@code serfnode.children} payload that cannot be read; the message says why. */
public final class ClusterPayloadException extends RuntimeException {
    public ClusterPayloadException(String message) {
        super(message);
    }

    public ClusterPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
