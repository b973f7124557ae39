package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import java.util.List;

/**
 * Members that see the same membership: the same digest of (member name, status) pairs.
 *
 * @param digest        the view digest the members share
 * @param members       the members that answered with this digest, sorted by name
 * @param alive         how many members this view holds alive
 * @param failed        how many it holds failed
 * @param left          how many it holds leaving or left
 * @param failedMembers the names it holds failed, sorted; shorter than {@code failed} only when they did not
 *                      all fit one serf query response
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"digest", "members", "alive", "failed", "left", "failedMembers"})
public record ViewGroup(
        @JsonProperty(value = "digest", required = true) String digest,
        @JsonProperty(value = "members", required = true) List<String> members,
        @JsonProperty("alive") int alive,
        @JsonProperty("failed") int failed,
        @JsonProperty("left") int left,
        @JsonProperty("failedMembers") List<String> failedMembers) {

    public ViewGroup {
        Require.text(digest, "digest");
        members = Require.listOf(Require.present(members, "members"), "members");
        if (members.isEmpty()) {
            throw new InvalidValueException("members", "must name at least one member");
        }
        Require.notNegative(alive, "alive");
        Require.notNegative(failed, "failed");
        Require.notNegative(left, "left");
        failedMembers = Require.listOf(failedMembers, "failedMembers");
        if (failedMembers.size() > failed) {
            throw new InvalidValueException("failedMembers",
                    "names " + failedMembers.size() + " members but 'failed' is " + failed);
        }
    }

    /** Whether {@link #failedMembers()} names every failed member. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean failedMembersComplete() {
        return failedMembers.size() == failed;
    }
}
