package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/** Asks a member to stop its children and leave the cluster gracefully. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeaveMember(@JsonProperty(value = "member", required = true) String member) implements Command {

    public static final String KIND = "leave-member";

    public LeaveMember {
        Require.text(member, "member");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
