package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A child together with its current status, as a member reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupervisedChild(
        @JsonProperty(value = "child", required = true) Child child,
        @JsonProperty(value = "status", required = true) ChildStatus status) {

    public SupervisedChild {
        Require.present(child, "child");
        Require.present(status, "status");
    }

    public SupervisedChild withStatus(ChildStatus newStatus) {
        return new SupervisedChild(child, newStatus);
    }
}
