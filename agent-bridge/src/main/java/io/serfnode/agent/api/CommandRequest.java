package io.serfnode.agent.api;

import io.serfnode.model.command.Command;
import java.util.Objects;

/**
 * One operator command as a client sent it.
 *
 * @param id      the client's id for it, echoed in the result
 * @param command what to do
 * @param client  who asked, for the audit record (e.g. the client's address)
 */
public record CommandRequest(String id, Command command, String client) {
    public CommandRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(client, "client");
    }
}
