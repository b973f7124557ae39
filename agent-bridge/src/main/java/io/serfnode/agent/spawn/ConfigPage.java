package io.serfnode.agent.spawn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One answer to {@code serfnode.config}: a run of the bytes of the member's {@code serfnode.yml}.
 *
 * @param total  how many bytes the whole text has
 * @param hash   a short hash of the whole text: pages with different hashes come from different texts
 * @param from   the offset of the first byte here
 * @param data   the bytes, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "tot", "h", "i", "d"})
record ConfigPage(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "tot", required = true) int total,
        @JsonProperty(value = "h", required = true) String hash,
        @JsonProperty(value = "i", required = true) int from,
        @JsonProperty(value = "d", required = true) String data) {
}
