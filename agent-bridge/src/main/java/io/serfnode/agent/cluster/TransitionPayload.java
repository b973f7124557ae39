package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;

/**
 * The JSON of one {@code serfnode.sv} event, with short names because the whole event must stay within
 * serf's user event size.
 *
 * @param version  {@link TransitionCodec#VERSION}; a reader refuses other versions
 * @param time     epoch milliseconds of the transition
 * @param runtime  the child's runtime, absent when unknown
 * @param summary  the child's image or command line, present only when it fits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "m", "c", "f", "t", "ts", "x", "a", "n", "r", "s"})
record TransitionPayload(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "m", required = true) String member,
        @JsonProperty(value = "c", required = true) String child,
        @JsonProperty(value = "f", required = true) SupervisorState from,
        @JsonProperty(value = "t", required = true) SupervisorState to,
        @JsonProperty(value = "ts", required = true) long time,
        @JsonProperty("x") Integer exitCode,
        @JsonProperty(value = "a", required = true) int attempt,
        @JsonProperty(value = "n", required = true) long counter,
        @JsonProperty("r") RuntimeKind runtime,
        @JsonProperty("s") String summary) {

    TransitionPayload withoutSummary() {
        return new TransitionPayload(version, member, child, from, to, time, exitCode, attempt, counter, runtime, null);
    }
}
