package io.serfnode.agent.runtime;

/** A runtime could not do what was asked; the message is meant for an operator. */
public class ChildRuntimeException extends Exception {
    public ChildRuntimeException(String message) {
        super(message);
    }

    public ChildRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
