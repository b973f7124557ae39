package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;

/** One child in a {@code serfnode.children} answer; names are short because a page must fit 1024 bytes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"n", "r", "s", "st", "ts", "p", "ci", "x", "a", "rs", "k"})
record ChildEntry(
        @JsonProperty(value = "n", required = true) String name,
        @JsonProperty("r") RuntimeKind runtime,
        @JsonProperty("s") String summary,
        @JsonProperty(value = "st", required = true) SupervisorState state,
        @JsonProperty(value = "ts", required = true) long since,
        @JsonProperty("p") Long pid,
        @JsonProperty("ci") String containerId,
        @JsonProperty("x") Integer exitCode,
        @JsonProperty("a") Integer attempt,
        @JsonProperty("rs") Integer restarts,
        @JsonProperty(value = "k", required = true) long counter) {

    ChildEntry withSummary(String newSummary) {
        return new ChildEntry(name, runtime, newSummary, state, since, pid, containerId, exitCode, attempt, restarts,
                counter);
    }

    ChildEntry withoutContainerId() {
        return new ChildEntry(name, runtime, summary, state, since, pid, null, exitCode, attempt, restarts, counter);
    }
}
