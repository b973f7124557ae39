package io.serfnode.agent.serf.rpc;

import java.util.Optional;

/**
 * The agent answered a command with an error. Some commands (join and the keyring commands) carry a
 * reply body even then, for example the per-node messages of a failed key installation; it is kept
 * as {@link #reply()}.
 */
public class SerfCommandException extends SerfRpcException {
    private final String command;
    private final String serfError;
    private final transient Object reply;

    public SerfCommandException(String command, String serfError, Object reply) {
        super("serf command '" + command + "' failed: " + serfError);
        this.command = command;
        this.serfError = serfError;
        this.reply = reply;
    }

    /** The command's wire name, e.g. {@code install-key}. */
    public String command() {
        return command;
    }

    /** The agent's error text, verbatim. */
    public String serfError() {
        return serfError;
    }

    /** The reply body that came with the error, when the command has one. */
    public Optional<Object> reply() {
        return Optional.ofNullable(reply);
    }

    /** The reply body as the given type, when present and of that type. */
    public <T> Optional<T> reply(Class<T> type) {
        return reply().filter(type::isInstance).map(type::cast);
    }
}
