package io.serfnode.agent.member;

/** Serf could not be started or reached; the message says why, in serf's words where it had any. */
public class SerfLinkException extends RuntimeException {
    public SerfLinkException(String message) {
        super(message);
    }

    public SerfLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
