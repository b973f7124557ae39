package io.serfnode.agent.api.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;

/**
 * The acting member's answer to a relayed command, as its {@code serfnode.cmd} query response.
 *
 * @param version the relay format's version
 * @param outcome how the command ended on that member
 * @param message a sentence for the operator (the error, when the outcome is not ok)
 * @param state   the child's state when the member answered, for child commands
 * @param spawned the members a spawn created, for {@code spawn-member}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "outcome", "message", "state", "spawned"})
record RelayAnswer(
        @JsonProperty("v") Integer version,
        @JsonProperty("outcome") CommandOutcome outcome,
        @JsonProperty("message") String message,
        @JsonProperty("state") SupervisorState state,
        @JsonProperty("spawned") SpawnedNames spawned) {

    static RelayAnswer of(CommandOutcome outcome, String message, SupervisorState state) {
        return new RelayAnswer(RelayCodec.VERSION, outcome, message, state, null);
    }

    static RelayAnswer spawned(java.util.List<String> names) {
        return new RelayAnswer(RelayCodec.VERSION, CommandOutcome.OK, null, null, SpawnedNames.of(names));
    }

    static RelayAnswer rejected(String message) {
        return of(CommandOutcome.REJECTED, message, null);
    }

    RelayAnswer withMessage(String newMessage) {
        return new RelayAnswer(version, outcome, newMessage, state, spawned);
    }
}
