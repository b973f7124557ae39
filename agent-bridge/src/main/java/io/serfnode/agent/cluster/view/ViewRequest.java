package io.serfnode.agent.cluster.view;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code serfnode.view} query's payload: only a version, so that later agents can ask for more. */
record ViewRequest(@JsonProperty(value = "v", required = true) int version) {
}
