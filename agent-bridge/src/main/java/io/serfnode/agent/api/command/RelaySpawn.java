package io.serfnode.agent.api.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.SpawnMember;

/**
 * A relayed {@code spawn-member}: what the spawner is to start (its own name is the request's member).
 *
 * @param template   the template, or {@code null}
 * @param likeMember the member to copy, or {@code null}
 * @param role       the roles for the new members, or {@code null} for the source's
 * @param count      how many
 * @param runtime    the runtime, or {@code null} for the spawner's choice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"tpl", "like", "role", "n", "rt"})
record RelaySpawn(
        @JsonProperty("tpl") String template,
        @JsonProperty("like") String likeMember,
        @JsonProperty("role") String role,
        @JsonProperty("n") Integer count,
        @JsonProperty("rt") RuntimeKind runtime) {

    static RelaySpawn of(SpawnMember command) {
        return new RelaySpawn(command.template(), command.likeMember(), command.role(), command.count(),
                command.runtime());
    }

    /** The command again, checked as a client's command is. */
    SpawnMember toCommand(String spawner) {
        return new SpawnMember(template, likeMember, role, count, runtime, spawner);
    }
}
