package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import io.serfnode.model.command.Command;

/**
 * An operator command. The agent answers with exactly one {@code result} carrying the same {@code id}.
 *
 * @param id      the client's id for this command, echoed in the result; unique per connection
 * @param command what to do
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "command"})
public record CommandMessage(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "command", required = true) Command command) implements ClientMessage {

    public static final String TYPE = "command";
    public static final int MAX_ID_LENGTH = 128;

    public CommandMessage {
        Require.text(id, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidValueException("id", "must be at most " + MAX_ID_LENGTH + " characters, found "
                    + id.length());
        }
        Require.present(command, "command");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
