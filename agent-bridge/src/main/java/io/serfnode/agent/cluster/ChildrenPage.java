package io.serfnode.agent.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One answer to {@code serfnode.children}: a run of the member's children.
 *
 * @param counter the member's transition counter when it answered (read before its children)
 * @param total   how many children the member has
 * @param from    the index of the first child here
 * @param next    the index of the first child of the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "n", "tot", "i", "nx", "c"})
record ChildrenPage(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "n", required = true) long counter,
        @JsonProperty(value = "tot", required = true) int total,
        @JsonProperty(value = "i", required = true) int from,
        @JsonProperty("nx") Integer next,
        @JsonProperty(value = "c", required = true) List<ChildEntry> children) {

    ChildrenPage {
        if (children == null) {
            throw new IllegalArgumentException("c: the list of children is missing");
        }
    }
}
