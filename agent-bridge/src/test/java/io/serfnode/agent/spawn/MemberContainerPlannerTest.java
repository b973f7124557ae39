package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.api.ws.TlsFiles;
import io.serfnode.agent.serf.process.SerfAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberContainerPlannerTest {
    private static final String YAML = "serfnode:\n  role: web\n";

    @TempDir
    Path dir;

    private final AtomicInteger ports = new AtomicInteger(7000);

    private NewMemberSettings member() {
        return NewMemberSettings.of("127.0.0.9", SerfAddress.of("127.0.0.9", 7946), dir.resolve("spawned"));
    }

    private DockerSpawnerConfig config() {
        return DockerSpawnerConfig.of(member());
    }

    private MemberContainerPlan plan(DockerSpawnerConfig config, MemberConfiguration configuration)
            throws IOException {
        return new MemberContainerPlanner("alpha", config, host -> ports.incrementAndGet())
                .plan("web-1", new SpawnPlan(List.of("web-1"), List.of("web", "edge"), configuration, "template 'web'"));
    }

    @Test
    void joinsThroughTheSpawnerOnFreePortsOfItsAddressWithTheRolesAndConfiguration() throws IOException {
        MemberContainerPlan plan = plan(config(), new MemberConfiguration(YAML, "web.yml"));

        assertThat(plan.name()).isEqualTo("web-1");
        assertThat(plan.image()).isEqualTo(DockerSpawnerConfig.DEFAULT_IMAGE);
        assertThat(plan.bind()).isEqualTo(SerfAddress.of("127.0.0.9", 7001));
        assertThat(plan.arguments()).containsSubsequence("--name", "web-1")
                .containsSubsequence("--bind", "127.0.0.9:7001")
                .containsSubsequence("--rpc", "127.0.0.9:7002")
                .containsSubsequence("--join", "127.0.0.9:7946")
                .containsSubsequence("--runtime", "auto")
                .containsSubsequence("--role", "web", "--role", "edge")
                .containsSubsequence("--config", "/etc/serfnode/serfnode.yml")
                .doesNotContain("--ws", "--token-file", "--encrypt-key-file");
        assertThat(new String(plan.files().get("/etc/serfnode/serfnode.yml").content(), StandardCharsets.UTF_8))
                .isEqualTo(YAML);
        assertThat(plan.labels()).containsEntry(SpawnLabels.SPAWNED_BY, "alpha")
                .containsEntry(SpawnLabels.MEMBER, "web-1");
    }

    @Test
    void mountsALocalEngineSocketAndPassesATcpEngineOn() throws IOException {
        MemberContainerPlan local = plan(config().withDockerHost(URI.create("unix:///run/other.sock")),
                MemberConfiguration.none("none"));
        assertThat(local.binds()).containsExactly("/run/other.sock:/var/run/docker.sock");
        assertThat(local.environment()).isEmpty();
        assertThat(local.files()).isEmpty();
        assertThat(local.arguments()).doesNotContain("--config");

        MemberContainerPlan remote = plan(config().withDockerHost(URI.create("tcp://127.0.0.1:2375")),
                MemberConfiguration.none("none"));
        assertThat(remote.binds()).isEmpty();
        assertThat(remote.environment()).containsExactly("DOCKER_HOST=tcp://127.0.0.1:2375");
    }

    @Test
    void copiesTheTokenFileTlsFilesAndGossipKeyInAsSecrets() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "s3cret");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT");
        Path key = Files.writeString(dir.resolve("key.pem"), "KEY");
        MemberContainerPlan plan = plan(DockerSpawnerConfig.of(member().withApi("127.0.0.9", null, token,
                new TlsFiles(cert, key)).withEncryptKey("a2V5")), MemberConfiguration.none("none"));

        assertThat(plan.ws()).isEqualTo(SerfAddress.of("127.0.0.9", 7003));
        assertThat(plan.arguments()).containsSubsequence("--ws", "127.0.0.9:7003", "--token-file",
                        "/etc/serfnode/api-token")
                .containsSubsequence("--tls-cert", "/etc/serfnode/tls-cert.pem", "--tls-key",
                        "/etc/serfnode/tls-key.pem")
                .containsSubsequence("--encrypt-key-file", "/etc/serfnode/encrypt-key");
        assertThat(plan.files().get("/etc/serfnode/api-token")).satisfies(file -> {
            assertThat(file.content()).asString(StandardCharsets.UTF_8).isEqualTo("s3cret");
            assertThat(file.mode()).isEqualTo(0400);
        });
        assertThat(plan.files().get("/etc/serfnode/tls-key.pem").mode()).isEqualTo(0400);
        assertThat(plan.files().get("/etc/serfnode/tls-cert.pem").content()).asString(StandardCharsets.UTF_8)
                .isEqualTo("CERT");
        assertThat(plan.files().get("/etc/serfnode/encrypt-key").content()).asString(StandardCharsets.UTF_8)
                .isEqualTo("a2V5");
    }

    @Test
    void namesTheUnreadableTokenFile() {
        Path missing = dir.resolve("no-such-token");
        assertThatThrownBy(() -> plan(DockerSpawnerConfig.of(member().withApi("127.0.0.9", null, missing, null)),
                MemberConfiguration.none("none")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the API token file " + missing);
    }
}
