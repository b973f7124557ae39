package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One answer to {@code serfnode.transitions}: a run of the wanted transitions the member still holds.
 *
 * @param oldestHeld  the counter of the oldest transition the member holds at all, 0 when it holds none
 * @param next        the counter to ask from for the rest of the range; absent when this page ends it
 * @param transitions in counter order, each as in a {@code serfnode.sv} event (without the child's summary)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "o", "nx", "t"})
record TransitionsPage(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "o", required = true) long oldestHeld,
        @JsonProperty("nx") Long next,
        @JsonProperty(value = "t", required = true) List<TransitionPayload> transitions) {

    TransitionsPage {
        if (transitions == null) {
            throw new IllegalArgumentException("t: the list of transitions is missing");
        }
    }
}
