package io.serfnode.bench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Checks what a member's developer interface files say against what its log said: every child RUNNING,
 * the seed in the membership. The {@code since} times of the children give a second reading of when the
 * last one became RUNNING, from the agent's clock rather than the harness's.
 */
public final class StateFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateFiles() {
    }

    /**
     * @return when the last child became RUNNING, by {@code children_by_name.json}
     * @throws IllegalStateException when a child is not RUNNING or the seed is not a member
     */
    public static Instant lastRunningSince(Path stateDir, List<String> children, String seed) throws IOException {
        Path childrenFile = stateDir.resolve("children_by_name.json");
        JsonNode byName = JSON.readTree(childrenFile.toFile());
        Instant last = Instant.EPOCH;
        for (String child : children) {
            JsonNode status = byName.path(child).path("status");
            String state = status.path("state").asText("");
            if (!"RUNNING".equals(state)) {
                throw new IllegalStateException(childrenFile + ": child '" + child + "' is '" + state + "', not RUNNING");
            }
            Instant since = Instant.parse(status.path("since").asText());
            last = since.isAfter(last) ? since : last;
        }
        Path membersFile = stateDir.resolve("serfnodes_by_id.json");
        if (!JSON.readTree(membersFile.toFile()).has(seed)) {
            throw new IllegalStateException(membersFile + ": has no member '" + seed + "'");
        }
        return last;
    }
}
