package io.serfnode.console.connection;

import io.serfnode.model.wire.ErrorMessage;

/** The agent refused a command as malformed or unexpected (an {@code error} reply); it did not run. */
public final class CommandRefusedException extends RuntimeException {
    private final transient ErrorMessage error;

    public CommandRefusedException(ErrorMessage error) {
        super("the agent refused the command (" + error.code() + "): " + error.message());
        this.error = error;
    }

    public ErrorMessage error() {
        return error;
    }
}
