package io.serfnode.agent.spawn;

import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A member a spawner started.
 *
 * @param name     its node name
 * @param runtime  how it runs
 * @param handle   what identifies it to its runtime: the agent's pid, or a container id
 * @param stateDir its state directory, where its log is kept too
 */
public record SpawnedMember(String name, RuntimeKind runtime, String handle, Path stateDir) {
    public SpawnedMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
