package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Require;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandOutcome;
import java.time.Instant;

/**
 * The audit record of one operator command, published once the command has an outcome.
 *
 * @param time      when the outcome was known
 * @param agent     the agent that received the command from the client
 * @param client    who asked: the client's remote address as the agent saw it ({@code host:port})
 * @param commandId the client's id for the command
 * @param command   what was asked
 * @param outcome   how it ended
 * @param detail    the error, for outcomes other than ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "agent", "client", "commandId", "command", "outcome", "detail"})
public record CommandAudit(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "agent", required = true) String agent,
        @JsonProperty(value = "client", required = true) String client,
        @JsonProperty(value = "commandId", required = true) String commandId,
        @JsonProperty(value = "command", required = true) Command command,
        @JsonProperty(value = "outcome", required = true) CommandOutcome outcome,
        @JsonProperty("detail") String detail) implements ClusterEvent {

    public static final String KIND = "command";

    public CommandAudit {
        Require.present(time, "time");
        Require.text(agent, "agent");
        Require.text(client, "client");
        Require.text(commandId, "commandId");
        Require.present(command, "command");
        Require.present(outcome, "outcome");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
