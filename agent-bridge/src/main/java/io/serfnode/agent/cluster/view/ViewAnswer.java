package io.serfnode.agent.cluster.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One member's answer to {@code serfnode.view} as it travels: short keys, serf allows 1024 bytes. */
record ViewAnswer(
        @JsonProperty(value = "v", required = true) int version,
        @JsonProperty(value = "d", required = true) String digest,
        @JsonProperty(value = "a", required = true) int alive,
        @JsonProperty(value = "f", required = true) int failed,
        @JsonProperty(value = "l", required = true) int left,
        @JsonProperty("fm") List<String> failedMembers) {
}
