package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSerfProcessManagerTest {
    @TempDir
    Path directory;

    private final SerfAgentConfig config = SerfAgentConfig.local("node/1", "127.0.0.2", 7946, 7373);

    @Test
    void reportsABinaryMissingFromPath() {
        var manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(directory).withBinary("serf-that-does-not-exist"));

        assertThatThrownBy(() -> manager.start(config))
                .isInstanceOf(SerfStartupException.class)
                .hasMessageContaining("'serf-that-does-not-exist' was not found on PATH")
                .hasMessageContaining("withBinary");
    }

    @Test
    void reportsABinaryPathThatDoesNotExist() {
        Path missing = directory.resolve("bin/serf");
        var manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(directory).withBinary(missing.toString()));

        assertThatThrownBy(() -> manager.start(config)).hasMessageContaining(missing + " does not exist");
    }

    @Test
    void reportsABinaryThatIsNotExecutable() throws Exception {
        Path notExecutable = Files.writeString(directory.resolve("serf"), "not a program");
        var manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(directory).withBinary(notExecutable.toString()));

        assertThatThrownBy(() -> manager.start(config)).hasMessageContaining("is not an executable file");
    }

    @Test
    void namesConfigFilesSafelyAfterTheNode() {
        var manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(directory));

        assertThat(manager.configFileOf(config)).isEqualTo(directory.resolve("serf-node_1.json"));
    }
}
