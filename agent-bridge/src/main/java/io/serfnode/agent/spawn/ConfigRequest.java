package io.serfnode.agent.spawn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The payload of {@code serfnode.config}: the offset of the first byte wanted. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConfigRequest(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "i", required = true) int from) {
}
