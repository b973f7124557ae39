package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLauncherTest {

    @Test
    void passesTheSpawnersTuningFlagsOnButNotWhatRecordsOrDebugsIt() {
        List<String> flags = AgentLauncher.inheritedFlags(List.of("-Xmx64m", "-Xss256k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:StartFlightRecording=filename=x.jfr", "-XX:AOTCacheOutput=a.aot",
                "-agentlib:jdwp=transport=dt_socket", "-Dfoo=bar", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-XX:+HeapDumpOnOutOfMemoryError"));

        assertThat(flags).containsExactly("-Xmx64m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void putsTheJvmOptionsBeforeTheMainModule() {
        AgentLauncher launcher = new AgentLauncher("/jdk/bin/java", List.of("-Xmx64m"),
                List.of("-p", "mods", "-m", "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand"));

        assertThat(launcher.command()).containsExactly("/jdk/bin/java", "-Xmx64m", "-p", "mods", "-m",
                "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand");
    }

    @Test
    void runsTheSpawnersOwnCode() {
        AgentLauncher current = AgentLauncher.current();

        assertThat(current.java()).endsWith("java");
        assertThat(current.jvmOptions()).contains(AgentLauncher.LOG_MANAGER);
        assertThat(current.main()).last().asString().endsWith("SerfnodeCommand");
    }
}
