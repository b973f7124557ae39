package io.serfnode.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import io.serfnode.model.SupervisorState;
import java.time.Instant;

/**
 * One transition of one child's supervisor state, delivered locally and gossiped to every member.
 *
 * @param time     when the transition happened on the member
 * @param member   the member that supervises the child
 * @param child    the child's name
 * @param from     the state before
 * @param to       the state after
 * @param exitCode the exit code, when the transition was caused by the child exiting
 * @param attempt  the start attempt the transition belongs to, 1-based (0 before the first start)
 * @param counter  the member's own transition counter: strictly increasing per member, across all its
 *                 children and across agent restarts, so a receiver detects gaps and duplicates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"time", "member", "child", "from", "to", "exitCode", "attempt", "counter"})
public record SupervisorStateChanged(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty(value = "child", required = true) String child,
        @JsonProperty(value = "from", required = true) SupervisorState from,
        @JsonProperty(value = "to", required = true) SupervisorState to,
        @JsonProperty("exitCode") Integer exitCode,
        @JsonProperty("attempt") int attempt,
        @JsonSetter(nulls = Nulls.FAIL)
        @JsonProperty(value = "counter", required = true) long counter) implements ClusterEvent {

    public static final String KIND = "supervisor-state";

    public SupervisorStateChanged {
        Require.present(time, "time");
        Require.text(member, "member");
        Require.text(child, "child");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.notNegative(attempt, "attempt");
        if (counter < 1) {
            throw new InvalidValueException("counter", "must be at least 1, found " + counter);
        }
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
