package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/** Starts a STOPPED, EXITED or FATAL child, with fresh start attempts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartChild(
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty(value = "child", required = true) String child) implements ChildCommand {

    public static final String KIND = "start-child";

    public StartChild {
        Require.text(member, "member");
        Require.text(child, "child");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
