package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/** Stops the child if it runs, then starts it again; resets its start attempts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestartChild(
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty(value = "child", required = true) String child) implements ChildCommand {

    public static final String KIND = "restart-child";

    public RestartChild {
        Require.text(member, "member");
        Require.text(child, "child");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
