package io.serfnode.agent.member;

/** The WebSocket API could not be served (the address is taken, the TLS files cannot be read …). */
public class ApiUnavailableException extends RuntimeException {
    public ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
