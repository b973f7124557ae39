package io.serfnode.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContainerNamesTest {

    @Test
    void keepsNamesReadableWhenDockerAcceptsThem() {
        assertThat(ContainerNames.of("web-1", "nginx")).isEqualTo("serfnode-web-1-nginx");
        assertThat(ContainerNames.of("node1.example.com", "db_main")).isEqualTo("serfnode-node1.example.com-db_main");
    }

    @Test
    void replacesCharactersDockerRefusesAndAddsAHashOfTheOriginal() {
        String name = ContainerNames.of("café node", "my/app");

        assertThat(name).matches("serfnode-caf--node-my-app-[0-9a-f]{8}");
        assertThat(name).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    }

    @Test
    void givesDifferentNamesToPairsThatSanitiseAlike() {
        assertThat(ContainerNames.of("a b", "c")).isNotEqualTo(ContainerNames.of("a:b", "c"));
        assertThat(ContainerNames.of("a b", "c")).isNotEqualTo(ContainerNames.of("a-b", "c"));
    }

    @Test
    void shortensOverlongNamesKeepingThemUnique() {
        String longMember = "m".repeat(200);

        String first = ContainerNames.of(longMember, "one");
        String second = ContainerNames.of(longMember, "two");

        assertThat(first).hasSize(ContainerNames.MAX_LENGTH).startsWith("serfnode-mmm");
        assertThat(second).hasSize(ContainerNames.MAX_LENGTH).isNotEqualTo(first);
    }

    @Test
    void isStableAcrossCalls() {
        assertThat(ContainerNames.of("ü", "x")).isEqualTo(ContainerNames.of("ü", "x"));
    }

    @Test
    void rejectsBlankMemberOrChildNaming() {
        assertThatThrownBy(() -> ContainerNames.of(" ", "x")).hasMessageContaining("member");
        assertThatThrownBy(() -> ContainerNames.of("m", "")).hasMessageContaining("child");
    }
}
