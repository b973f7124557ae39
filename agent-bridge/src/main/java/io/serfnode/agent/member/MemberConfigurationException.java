package io.serfnode.agent.member;

/** The member's configuration cannot work here; the message says what to change. */
public class MemberConfigurationException extends RuntimeException {
    public MemberConfigurationException(String message) {
        super(message);
    }

    public MemberConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
