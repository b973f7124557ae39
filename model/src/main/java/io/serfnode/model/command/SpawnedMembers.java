package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.serfnode.model.Require;
import java.util.List;

/** The names of the members a {@code spawn-member} command started; they join the cluster on their own. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpawnedMembers(@JsonProperty(value = "members", required = true) List<String> members)
        implements CommandValue {

    public static final String KIND = "spawned-members";

    public SpawnedMembers {
        members = Require.listOf(Require.present(members, "members"), "members");
    }

    @Override
    @JsonIgnore
    public String kind() {
        return KIND;
    }
}
