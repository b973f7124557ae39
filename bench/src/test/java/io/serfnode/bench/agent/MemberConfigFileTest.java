package io.serfnode.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.config.SerfnodeConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberConfigFileTest {

    @Test
    void writesAFileTheAgentReadsWithProcessChildrenAndTheirStartsecs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serfnode.yml");
        MemberConfigFile.write(file, MemberConfigFile.content("bench", MemberConfigFile.childNames(5), 0));

        SerfnodeConfig config = SerfnodeConfigLoader.load(file, Map.of());

        assertThat(config.roles()).containsExactly("bench");
        assertThat(config.children()).extracting(ChildSpec::name).containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(config.children()).allSatisfy(child -> {
            assertThat(child.exec()).containsExactly("sleep", "100000");
            assertThat(child.supervision().startSecs()).isEqualTo(Duration.ZERO);
        });
    }

    @Test
    void writesASeedWithoutChildren(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serfnode.yml");
        MemberConfigFile.write(file, MemberConfigFile.content("seed", List.of(), 1));

        SerfnodeConfig config = SerfnodeConfigLoader.load(file, Map.of());

        assertThat(config.roles()).containsExactly("seed");
        assertThat(config.children()).isEmpty();
    }
}
