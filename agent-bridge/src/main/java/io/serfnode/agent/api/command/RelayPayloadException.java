package io.serfnode.agent.api.command;

/** A {@code serfnode.cmd} payload that cannot be read; the message says what is wrong with it. */
final class RelayPayloadException extends Exception {
    RelayPayloadException(String message) {
        super(message);
    }

    RelayPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
