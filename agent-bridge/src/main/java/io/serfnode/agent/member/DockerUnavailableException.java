package io.serfnode.agent.member;

/** Docker children are configured but no Docker engine answers: a runtime failure, not bad configuration. */
public class DockerUnavailableException extends RuntimeException {
    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
