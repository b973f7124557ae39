package io.serfnode.agent.api.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A command relayed to the member that carries it out, as the payload of a {@code serfnode.cmd} query.
 * Compact on purpose: a query must fit serf's 1024 bytes together with the asker's name and the filter.
 *
 * @param version the relay format's version ({@link RelayCodec#VERSION})
 * @param kind    the command's kind, as on the wire ({@code restart-child}, {@code leave-member} …)
 * @param member  the member meant to act; it refuses a command meant for another
 * @param child   the child's name, for child commands
 * @param request the asker's id of this request: a repeat (after a lost query) is carried out only once
 * @param waitMs  how long the member may wait for the outcome before answering with what it knows
 * @param spawn   what to spawn, for {@code spawn-member} (the acting member is the spawner)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"v", "kind", "member", "child", "req", "waitMs", "spawn"})
record RelayRequest(
        @JsonProperty("v") Integer version,
        @JsonProperty("kind") String kind,
        @JsonProperty("member") String member,
        @JsonProperty("child") String child,
        @JsonProperty("req") String request,
        @JsonProperty("waitMs") Long waitMs,
        @JsonProperty("spawn") RelaySpawn spawn) {

    RelayRequest(Integer version, String kind, String member, String child, String request, Long waitMs) {
        this(version, kind, member, child, request, waitMs, null);
    }
}
