package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.Require;

/**
 * A step of a longer command, such as a spawn's {@code requested}, {@code created}, {@code joined}.
 *
 * @param step   a short name of the step
 * @param detail more about it, in plain words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"step", "detail"})
public record StepProgress(
        @JsonProperty(value = "step", required = true) String step,
        @JsonProperty("detail") String detail) implements Progress {

    public static final String KIND = "step";

    public StepProgress {
        Require.text(step, "step");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
