package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.RuntimeKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpawnClickSettingsTest {

    @Test
    void defaultsToTheIssuesMeasurement() {
        SpawnClickSettings settings = SpawnClickSettings.parse(List.of());

        assertThat(settings.runs()).isEqualTo(10);
        assertThat(settings.runtimes()).containsExactly(RuntimeKind.PROCESS, RuntimeKind.DOCKER);
        assertThat(settings.image()).isEqualTo("serfnode/member:latest");
        assertThat(settings.clickFor(RuntimeKind.PROCESS)).isEqualTo(ClickTarget.LIKE_BUTTON);
        assertThat(settings.clickFor(RuntimeKind.DOCKER)).isEqualTo(ClickTarget.SPAWN_DIALOG);
        assertThat(settings.agentJavaOptions()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        SpawnClickSettings settings = SpawnClickSettings.parse(List.of("--runs", "3", "--runtimes", "docker, process",
                "--image", "serfnode/member:dev", "--process-click", "dialog", "--cluster-size", "5", "--profile", "lan",
                "--pause-seconds", "0.5", "--timeout-seconds", "30", "--agent-java-options", " -XX:+UseSerialGC ",
                "--out", "/tmp/spawn"));

        assertThat(settings.runs()).isEqualTo(3);
        assertThat(settings.runtimes()).containsExactly(RuntimeKind.DOCKER, RuntimeKind.PROCESS);
        assertThat(settings.image()).isEqualTo("serfnode/member:dev");
        assertThat(settings.clickFor(RuntimeKind.PROCESS)).isEqualTo(ClickTarget.SPAWN_DIALOG);
        assertThat(settings.clusterSize()).isEqualTo(5);
        assertThat(settings.profile()).isEqualTo("lan");
        assertThat(settings.pauseSeconds()).isEqualTo(0.5);
        assertThat(settings.timeoutSeconds()).isEqualTo(30);
        assertThat(settings.agentJavaOptions()).isEqualTo("-XX:+UseSerialGC");
        assertThat(settings.out()).isEqualTo(Path.of("/tmp/spawn"));
    }

    @Test
    void aDockerMemberIsAlwaysSpawnedThroughTheDialogWhereItsRuntimeIsChosen() {
        SpawnClickSettings settings = SpawnClickSettings.parse(List.of("--process-click", "like"));

        assertThat(settings.clickFor(RuntimeKind.DOCKER)).isEqualTo(ClickTarget.SPAWN_DIALOG);
    }

    @Test
    void namesTheOptionAndValueThatAreWrong() {
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--runs", "ten")))
                .hasMessageContaining("--runs").hasMessageContaining("ten");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--runtimes", "process,podman")))
                .hasMessageContaining("--runtimes").hasMessageContaining("podman");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--process-click", "double")))
                .hasMessageContaining("--process-click").hasMessageContaining("like, dialog");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--profile", "fast")))
                .hasMessageContaining("--profile").hasMessageContaining("fast");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--runs", "0")))
                .hasMessageContaining("--runs");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--clicks", "3")))
                .hasMessageContaining("unknown option '--clicks'");
        assertThatThrownBy(() -> SpawnClickSettings.parse(List.of("--image")))
                .hasMessageContaining("--image: needs a value");
    }
}
