package io.serfnode.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigExceptionTest {
    @Test
    void listsEveryProblemOnItsOwnLineWithFileLineAndColumn() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> SerfnodeConfigLoader.load("""
                children:
                  - web:
                      imgae: nginx
                  - web:
                      image: nginx
                """, "conf/serfnode.yml", Map.of()));

        assertThat(error.getMessage()).isEqualTo("""
                conf/serfnode.yml:3:7: unknown key 'imgae' in child 'web'; did you mean 'image'?
                conf/serfnode.yml:4:5: duplicate child name 'web' (first at line 2)""");
        assertThat(error.problems()).extracting(ConfigProblem::suggestion).containsExactly("image", null);
    }

    @Test
    void namesAFileThatDoesNotExist() {
        Path missing = Path.of("target/no-such-dir/serfnode.yml");

        assertThatThrownBy(() -> SerfnodeConfigLoader.load(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": the file does not exist");
    }

    @Test
    void refusesAnEmptyText() {
        assertThatThrownBy(() -> SerfnodeConfigLoader.load("", "empty.yml", Map.of()))
                .hasMessage("empty.yml:1:1: the file is empty; "
                        + "it needs a 'serfnode:' section, a 'children:' list, or both");
    }

    @Test
    void formatsAProblemWithoutAPlaceWithoutLineAndColumn() {
        ConfigProblem problem = new ConfigProblem("environment variable ROLE", 0, 0, "bad", null);

        assertThat(problem).hasToString("environment variable ROLE: bad");
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
