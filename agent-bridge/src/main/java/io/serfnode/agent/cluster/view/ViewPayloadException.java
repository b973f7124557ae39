package io.serfnode.agent.cluster.view;

/** A {@code serfnode.view} request or answer that cannot be read; the message says why. */
public final class ViewPayloadException extends RuntimeException {
    public ViewPayloadException(String message) {
        super(message);
    }

    public ViewPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
