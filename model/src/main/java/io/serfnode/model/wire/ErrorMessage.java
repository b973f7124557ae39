package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;

/**
 * The agent could not accept a client message. The socket stays open.
 *
 * @param code      the kind of problem
 * @param message   what was wrong, in plain words (the field, what was expected, what was found)
 * @param field     the offending field as a path such as {@code command.count}, when one field is to blame
 * @param line      the line (1-based) in the client's text where the problem was found
 * @param column    the column (1-based) on that line
 * @param inReplyTo the id of the command the message carried, when it could be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"code", "message", "field", "line", "column", "inReplyTo"})
public record ErrorMessage(
        @JsonProperty(value = "code", required = true) ErrorCode code,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("field") String field,
        @JsonProperty("line") Integer line,
        @JsonProperty("column") Integer column,
        @JsonProperty("inReplyTo") String inReplyTo) implements ServerMessage {

    public static final String TYPE = "error";

    public ErrorMessage {
        Require.present(code, "code");
        Require.text(message, "message");
        if (line != null && line < 1) {
            throw new InvalidValueException("line", "must be at least 1, found " + line);
        }
        if (column != null && column < 1) {
            throw new InvalidValueException("column", "must be at least 1, found " + column);
        }
    }

    /** A refusal not tied to a place in the text. */
    public static ErrorMessage of(ErrorCode code, String message, String inReplyTo) {
        return new ErrorMessage(code, message, null, null, null, inReplyTo);
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
