package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
    @TempDir
    Path directory;

    @Test
    void namesEachYamlFileAfterItself() throws Exception {
        Files.writeString(directory.resolve("web.yml"), "serfnode:\n  role: web\n");
        Files.writeString(directory.resolve("db.yaml"), "serfnode:\n  role: db\n");
        Files.writeString(directory.resolve("notes.txt"), "not a template");

        Templates templates = new Templates(directory);

        assertThat(templates.names()).containsExactly("db", "web");
        assertThat(templates.read("web").read().roles()).containsExactly("web");
    }

    @Test
    void refusesAnUnknownTemplateListingTheAvailableOnes() throws Exception {
        Files.writeString(directory.resolve("web.yml"), "serfnode:\n  role: web\n");

        assertThatThrownBy(() -> new Templates(directory).read("../web"))
                .isInstanceOfSatisfying(SpawnException.class, e -> assertThat(e.refused()).isTrue())
                .hasMessageContaining("no template named '../web'").hasMessageContaining("available: web");
    }

    @Test
    void theDemoTemplatesAreValid() throws Exception {
        Templates demo = new Templates(Path.of("..", "assets", "demo"));
        assertThat(demo.names()).contains("web", "db", "cache", "worker");
        for (String name : demo.names()) {
            assertThat(demo.read(name).read().children()).as(name).isNotEmpty();
        }
    }
}
