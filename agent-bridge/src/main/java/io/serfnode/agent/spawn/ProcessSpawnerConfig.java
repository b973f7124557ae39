package io.serfnode.agent.spawn;

import io.serfnode.agent.runtime.RuntimeMode;
import java.util.Objects;

/**
 * How a {@link ProcessMemberSpawner} starts members.
 *
 * @param member      what every new member runs with
 * @param launcher    how to start an agent JVM
 * @param runtimeMode how the new members run their children
 * @param serfBinary  the serf program
 */
public record ProcessSpawnerConfig(NewMemberSettings member, AgentLauncher launcher, RuntimeMode runtimeMode,
                                   String serfBinary) {

    public ProcessSpawnerConfig {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(runtimeMode, "runtimeMode");
        Objects.requireNonNull(serfBinary, "serfBinary");
    }

    /** Members started like this JVM, running process children, with serf from the path. */
    public static ProcessSpawnerConfig of(NewMemberSettings member) {
        return new ProcessSpawnerConfig(member, AgentLauncher.current(), RuntimeMode.PROCESS, "serf");
    }

    public ProcessSpawnerConfig withLauncher(AgentLauncher value) {
        return new ProcessSpawnerConfig(member, value, runtimeMode, serfBinary);
    }

    public ProcessSpawnerConfig withRuntimeMode(RuntimeMode value) {
        return new ProcessSpawnerConfig(member, launcher, value, serfBinary);
    }

    public ProcessSpawnerConfig withSerfBinary(String value) {
        return new ProcessSpawnerConfig(member, launcher, runtimeMode, value);
    }
}
