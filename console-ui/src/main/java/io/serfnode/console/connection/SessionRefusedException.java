package io.serfnode.console.connection;

/**
 * The session ended for a reason that retrying will not change: the token was refused, the certificate
 * is not trusted, no agent could ever be reached.
 */
public final class SessionRefusedException extends RuntimeException {
    public SessionRefusedException(String message) {
        super(message);
    }

    public SessionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
