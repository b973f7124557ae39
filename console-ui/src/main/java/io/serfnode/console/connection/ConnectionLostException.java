package io.serfnode.console.connection;

/** The connection a command was waiting on dropped before its result arrived; the command may have run. */
public final class ConnectionLostException extends RuntimeException {
    public ConnectionLostException(String message) {
        super(message);
    }
}
