package io.serfnode.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import io.serfnode.agent.cluster.KnownChild;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.runtime.docker.TestEngine;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member image for real: a member container (host networking, bound to its own 127.x address) joins a
 * member agent that the test runs, and the children it supervises are seen RUNNING from that agent, through
 * the cluster's gossip of supervisor transitions.
 */
class MemberImageIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String ROLE = "image-test";

    @RegisterExtension
    final SerfTestCluster addresses = SerfTestCluster.create();

    @TempDir
    Path dir;

    private static String image;
    private MemberContainers containers;
    private MemberAgent seed;
    private final TrackedProcesses processes = new TrackedProcesses();

    @BeforeAll
    static void buildTheImage() throws Exception {
        image = MemberImage.build();
    }

    @BeforeEach
    void startTheSeed() throws Exception {
        containers = new MemberContainers();
        SerfAgentConfig serf = addresses.newConfig("seed");
        seed = new MemberAgent(MemberAgentConfig.local("seed", serf.bind(), serf.rpcAddress(), dir.resolve("seed"))
                .withReconcileInterval(Duration.ofSeconds(2)));
        seed.start();
        seed.serf().process().ifPresent(process -> processes.track(process.pid()));
    }

    @AfterEach
    void removeEverythingTheTestStarted() throws Exception {
        try {
            containers.close();
        } finally {
            try {
                seed.close();
            } finally {
                processes.close();
            }
        }
    }

    @Test
    void aMemberContainerJoinsAndItsProcessChildRuns() throws Exception {
        String member = containers.newName("process");
        String id = startMember(member, "process", """
                serfnode:
                  role: %s
                children:
                  - worker:
                      exec: ["/bin/sh", "-c", "echo up; exec sleep 1000"]
                """.formatted(ROLE), List.of());

        awaitJoined(member, id);
        KnownChild worker = awaitRunning(member, "worker", id);
        assertThat(worker.runtime()).isEqualTo(RuntimeKind.PROCESS);
        InspectContainerResponse container = containers.inspect(id);
        assertThat(container.getState().getRunning()).isTrue();
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(container.getConfig().getEnv()).contains("SERFNODE_CONTAINER=self");
    }

    @Test
    void aMemberContainerWithTheEngineSocketRunsItsDockerChild() throws Exception {
        String member = containers.newName("docker");
        String id = startMember(member, "docker", """
                serfnode:
                  role: %s
                children:
                  - web:
                      image: %s
                      command: sh -c 'echo up; exec sleep 1000'
                      stopwaitsecs: 2
                """.formatted(ROLE, TestEngine.IMAGE),
                List.of(Bind.parse("/var/run/docker.sock:/var/run/docker.sock")));

        awaitJoined(member, id);
        KnownChild web = awaitRunning(member, "web", id);
        assertThat(web.runtime()).isEqualTo(RuntimeKind.DOCKER);
        List<Container> children = containers.childrenOf(member);
        assertThat(children).as("child containers of %s", member).hasSize(1);
        // SERFNODE_CONTAINER=self found the member's own container: the child shares its network namespace
        InspectContainerResponse child = containers.inspect(children.getFirst().getId());
        assertThat(child.getState().getRunning()).isTrue();
        assertThat(child.getHostConfig().getNetworkMode()).isEqualTo("container:" + id);
    }

    @Test
    void theImageRunsTheAgentOnItsOwnRuntimeWithItsFlagsAndAFittingAotCache() throws Exception {
        assertThat(containers.inspectImage(image).getConfig()).satisfies(config -> {
            assertThat(config.getEntrypoint()).containsExactly("/usr/local/bin/serfnode", "agent");
            assertThat(config.getEnv()).contains("SERFNODE_CONTAINER=self");
            assertThat(config.getWorkingDir()).isEqualTo("/serfnode");
        });
        String member = containers.newName("flags");
        // AOTMode=on: the JVM refuses to start unless the image's cache fits its runtime, flags and modules
        String id = startMember(member, "process", "serfnode:\n  role: %s\n".formatted(ROLE), List.of(),
                List.of("SERFNODE_JAVA_OPTS=-XX:AOTMode=on"));

        awaitJoined(member, id);
        assertThat(containers.commandLines(id)).as("processes of the member container")
                .filteredOn(line -> line.contains("io.serfnode.agent.cli.SerfnodeCommand"))
                .singleElement().satisfies(java -> assertThat(java)
                        .startsWith("/opt/serfnode/runtime/bin/java @/opt/serfnode/jvm.options ")
                        .contains("-XX:AOTCache=/opt/serfnode/agent.aot", "-XX:AOTMode=on"));
    }

    /**
     * Starts the image as {@code member} on a fresh loopback address, joined to the seed, with
     * {@code yaml} mounted as its serfnode.yml.
     */
    private String startMember(String member, String runtime, String yaml, List<Bind> extraBinds) throws Exception {
        return startMember(member, runtime, yaml, extraBinds, List.of());
    }

    private String startMember(String member, String runtime, String yaml, List<Bind> extraBinds,
            List<String> environment) throws Exception {
        Path config = Files.createDirectories(dir.resolve(member)).resolve("serfnode.yml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        SerfAgentConfig serf = addresses.newConfig(member);
        List<Bind> binds = new ArrayList<>(extraBinds);
        binds.add(Bind.parse(config.getParent() + ":/etc/serfnode:ro"));
        return containers.run(image, member, List.of(
                "--name", member,
                "--bind", serf.bind().toString(),
                "--rpc", serf.rpcAddress().toString(),
                "--join", seed.config().bind().toString(),
                "--config", "/etc/serfnode/serfnode.yml",
                "--runtime", runtime,
                "--profile", "local"), binds, environment);
    }

    private void awaitJoined(String member, String id) {
        await(member + " joins the seed").atMost(PATIENCE)
                .failFast("the member container stopped", () -> assertStillRunning(id))
                .until(() -> seed.members().stream().filter(m -> m.name().equals(member)).findFirst(),
                        found -> found.map(m -> m.status() == MemberStatus.ALIVE && m.hasRole(ROLE)).orElse(false));
    }

    private KnownChild awaitRunning(String member, String child, String id) {
        await(child + " of " + member + " RUNNING, as the seed hears it").atMost(PATIENCE)
                .failFast("the member container stopped", () -> assertStillRunning(id))
                .until(() -> seed.clusterChildren().snapshot().child(member, child).map(KnownChild::status)
                        .map(ChildStatus::state), Optional.of(SupervisorState.RUNNING)::equals);
        return seed.clusterChildren().snapshot().child(member, child).orElseThrow();
    }

    private void assertStillRunning(String id) {
        assertThat(containers.inspect(id).getState().getRunning())
                .as(() -> "the member container runs; its output:\n" + containers.logs(id)).isTrue();
    }
}
