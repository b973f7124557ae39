package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of {@code serfnode.children}: which page to answer.
 *
 * @param from the index of the first child of the page, 0 for the first page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChildrenQueryRequest(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "i", required = true) int from) {
}
