package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void addsAClassDataArchiveBeforeTheMainModuleUnlessTheSpawnerHasOne() {
        AgentLauncher plain = new AgentLauncher("/jdk/bin/java", List.of("-Xmx64m"),
                List.of("-p", "mods", "-m", "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand"));

        assertThat(plain.withClassDataArchive(Path.of("/spawned/agent.jsa")).command()).containsExactly(
                "/jdk/bin/java", "-Xmx64m", "-XX:SharedArchiveFile=/spawned/agent.jsa", "-XX:+AutoCreateSharedArchive",
                "-p", "mods", "-m", "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand");
        AgentLauncher withAotCache = new AgentLauncher("/jdk/bin/java", List.of("-XX:AOTCache=/app/agent.aot"),
                List.of("-cp", "lib/*", "io.serfnode.agent.cli.SerfnodeCommand"));
        assertThat(withAotCache.withClassDataArchive(Path.of("/spawned/agent.jsa"))).isEqualTo(withAotCache);
    }

    @Test
    void runsTheSpawnersOwnCode() {
        AgentLauncher current = AgentLauncher.current();

        assertThat(current.java()).endsWith("java");
        assertThat(current.jvmOptions()).contains(AgentLauncher.LOG_MANAGER);
        assertThat(current.main()).last().asString().endsWith("SerfnodeCommand");
    }
}
