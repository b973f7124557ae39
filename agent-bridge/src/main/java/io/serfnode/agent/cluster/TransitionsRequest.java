package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The payload of {@code serfnode.transitions}: which of the member's transitions to send.
 *
 * @param first the counter of the first transition wanted
 * @param last  the counter of the last transition wanted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "f", "l"})
record TransitionsRequest(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "f", required = true) long first,
        @JsonProperty(value = "l", required = true) long last) {
}
