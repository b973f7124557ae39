package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;

/**
 * Serf's force-leave: marks a failed member as left so the cluster stops trying to reach it.
 *
 * @param member the member's name
 * @param prune  also remove it from the member list at once instead of waiting for the reaper
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForceLeave(
        @JsonProperty(value = "member", required = true) String member,
        @JsonProperty("prune") boolean prune) implements Command {

    public static final String KIND = "force-leave";

    public ForceLeave {
        Require.text(member, "member");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
