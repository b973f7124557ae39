package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.CommandValue;

/**
 * The answer to one {@code command}.
 *
 * @param id      the command's id
 * @param outcome how it ended
 * @param value   what the command handed back, for {@code ok} outcomes of commands that hand back more
 *                than success
 * @param error   why it did not succeed; present exactly when the outcome is not {@code ok}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "outcome", "value", "error"})
public record ResultMessage(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "outcome", required = true) CommandOutcome outcome,
        @JsonProperty("value") CommandValue value,
        @JsonProperty("error") String error) implements ServerMessage {

    public static final String TYPE = "result";

    public ResultMessage {
        Require.text(id, "id");
        Require.present(outcome, "outcome");
        if (outcome.isOk()) {
            if (error != null) {
                throw new InvalidValueException("error", "must be absent when the outcome is ok");
            }
        } else {
            Require.text(error, "error");
            if (value != null) {
                throw new InvalidValueException("value", "is only given when the outcome is ok");
            }
        }
    }

    public static ResultMessage ok(String id) {
        return new ResultMessage(id, CommandOutcome.OK, null, null);
    }

    public static ResultMessage ok(String id, CommandValue value) {
        return new ResultMessage(id, CommandOutcome.OK, value, null);
    }

    public static ResultMessage notOk(String id, CommandOutcome outcome, String error) {
        return new ResultMessage(id, outcome, null, error);
    }

    @JsonIgnore
    public boolean isOk() {
        return outcome.isOk();
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
