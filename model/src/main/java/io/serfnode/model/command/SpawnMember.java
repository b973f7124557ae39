package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SerfTags;

/**
 * Starts new members that join the cluster, either from a named template or as copies of an existing
 * member's configuration. Exactly one of {@code template} and {@code likeMember} is given.
 *
 * @param template   the name of a member template known to the spawner
 * @param likeMember the name of a member whose configuration the new members copy
 * @param role       roles for the new members (the {@code role} tag value); absent keeps the source's
 * @param count      how many members to start, at least 1 (default 1)
 * @param runtime    how to run the new members; absent lets the spawner choose
 * @param spawner    the member that starts them; absent means the agent the client is connected to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"template", "likeMember", "role", "count", "runtime", "spawner"})
public record SpawnMember(
        @JsonProperty("template") String template,
        @JsonProperty("likeMember") String likeMember,
        @JsonProperty("role") String role,
        @JsonProperty("count") Integer count,
        @JsonProperty("runtime") RuntimeKind runtime,
        @JsonProperty("spawner") String spawner) implements Command {

    public static final String KIND = "spawn-member";
    /** A guard against a slip of the finger; spawning more at once is rarely what an operator meant. */
    public static final int MAX_COUNT = 100;

    public SpawnMember {
        if ((template == null) == (likeMember == null)) {
            throw new InvalidValueException(template == null ? "template" : "likeMember",
                    "give exactly one of 'template' and 'likeMember'");
        }
        if (template != null) {
            Require.text(template, "template");
        } else {
            Require.text(likeMember, "likeMember");
        }
        if (role != null) {
            role = SerfTags.formatRoles(SerfTags.parseRoles(Require.text(role, "role")));
        }
        count = count == null ? 1 : Require.positive(count, "count");
        if (count > MAX_COUNT) {
            throw new InvalidValueException("count", "must be at most " + MAX_COUNT + ", found " + count);
        }
        if (spawner != null) {
            Require.text(spawner, "spawner");
        }
    }

    public static SpawnMember fromTemplate(String template) {
        return new SpawnMember(template, null, null, 1, null, null);
    }

    public static SpawnMember like(String member) {
        return new SpawnMember(null, member, null, 1, null, null);
    }

    public SpawnMember withRole(String newRole) {
        return new SpawnMember(template, likeMember, newRole, count, runtime, spawner);
    }

    public SpawnMember withCount(int newCount) {
        return new SpawnMember(template, likeMember, role, newCount, runtime, spawner);
    }

    public SpawnMember withRuntime(RuntimeKind newRuntime) {
        return new SpawnMember(template, likeMember, role, count, newRuntime, spawner);
    }

    public SpawnMember withSpawner(String newSpawner) {
        return new SpawnMember(template, likeMember, role, count, runtime, newSpawner);
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
