package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/** Stops the child and keeps it STOPPED (autorestart does not apply). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StopChild(
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty(value = "child", required = true) String child) implements ChildCommand {

    public static final String KIND = "stop-child";

    public StopChild {
        Require.text(member, "member");
        Require.text(child, "child");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
