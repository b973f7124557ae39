package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Require;
import io.serfnode.model.command.Progress;

/**
 * A partial answer to a running command; the command's {@code result} follows the last one.
 *
 * @param id       the command's id
 * @param progress what happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "progress"})
public record ProgressMessage(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "progress", required = true) Progress progress) implements ServerMessage {

    public static final String TYPE = "progress";

    public ProgressMessage {
        Require.text(id, "id");
        Require.present(progress, "progress");
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
