package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.InvalidValueException;
import java.time.Duration;

/**
 * Asks every member for its view of the membership and reports whether the views agree: the split-brain
 * check. Changes nothing in the cluster.
 *
 * @param timeout how long members get to answer (absent: the agent's default); written as {@code timeoutMs}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViewCheck(@JsonProperty("timeoutMs") Duration timeout) implements Command {

    public static final String KIND = "view-check";
    /** A view older than this says little about the cluster now. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    public ViewCheck {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw new InvalidValueException("timeoutMs",
                    "must be between 1 and " + MAX_TIMEOUT.toMillis() + " milliseconds, found " + timeout.toMillis());
        }
    }

    /** A check with the agent's default timeout. */
    public static ViewCheck withDefaults() {
        return new ViewCheck(null);
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
