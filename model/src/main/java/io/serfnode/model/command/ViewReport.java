package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.serfnode.model.InvalidValueException;
import io.serfnode.model.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link ViewCheck} found: the members that answered, grouped by the membership they see, and the
 * members that did not answer. A member that did not answer counts as "no answer", not as disagreeing:
 * serf queries lose an answer now and then, and the members on the far side of a partition cannot hear
 * the query at all.
 *
 * @param groups   one group per distinct view, the largest first (then by digest)
 * @param noAnswer members the asking agent knows (and that have not left) that did not answer, sorted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"agree", "groups", "noAnswer"})
public record ViewReport(
        @JsonProperty(value = "groups", required = true) List<ViewGroup> groups,
        @JsonProperty("noAnswer") List<String> noAnswer) implements CommandValue {

    public static final String KIND = "view-report";

    public ViewReport {
        groups = Require.listOf(Require.present(groups, "groups"), "groups");
        noAnswer = Require.listOf(noAnswer, "noAnswer");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            for (String member : groups.get(i).members()) {
                if (!seen.add(member)) {
                    throw new InvalidValueException("groups[" + i + "].members",
                            "names '" + member + "', which is already in another group");
                }
            }
        }
        for (String member : noAnswer) {
            if (seen.contains(member)) {
                throw new InvalidValueException("noAnswer", "names '" + member + "', which answered");
            }
        }
    }

    /** Every member that answered sees the same membership (at most one group). */
    @JsonProperty("agree")
    public boolean agree() {
        return groups.size() <= 1;
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
