package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.model.RuntimeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample files operators copy from must always load. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("../assets/examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void loadsCleanly(Path example) throws ConfigException {
        SerfnodeConfig config = SerfnodeConfigLoader.load(example, Map.of());

        assertThat(config.children()).isNotEmpty();
    }

    @Test
    void showProcessChildrenDockerChildrenAndBothTogether() throws IOException, ConfigException {
        assertThat(examples()).extracting(path -> path.getFileName().toString())
                .contains("processes.yml", "docker-original.yml", "supervision.yml");
        assertThat(runtimes("processes.yml")).containsOnly(RuntimeKind.PROCESS);
        assertThat(runtimes("docker-original.yml")).containsOnly(RuntimeKind.DOCKER);
        assertThat(runtimes("supervision.yml")).contains(RuntimeKind.PROCESS, RuntimeKind.DOCKER);
    }

    private static List<RuntimeKind> runtimes(String example) throws ConfigException {
        return SerfnodeConfigLoader.load(EXAMPLES.resolve(example), Map.of()).children().stream()
                .map(ChildSpec::runtime)
                .toList();
    }
}
