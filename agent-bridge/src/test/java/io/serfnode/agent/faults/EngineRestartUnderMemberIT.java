package io.serfnode.agent.faults;

import static io.serfnode.model.SupervisorState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.runtime.docker.ContainerLabels;
import io.serfnode.agent.runtime.docker.PrivateEngine;
import io.serfnode.agent.runtime.docker.TestEngine;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.event.SupervisorStateChanged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the Docker engine under a member is restarted (stopped the way an operator's restart does, which
 * stops its containers, then started again). The engine is a private one of this test, so no other test's
 * containers are touched; the runtime-level behaviour (the event stream reopened) is in
 * {@code runtime.docker.EngineRestartIT}.
 * Must hold: each child's exit is seen and the child is started again once the engine answers; afterwards
 * each child runs in exactly one running container, the member reports it RUNNING with that container's id,
 * and a client sees the member's transitions once each, without a gap.
 */
class EngineRestartUnderMemberIT {
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @TempDir
    Path state;

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    private PrivateEngine engine;
    private FailoverClient client;

    @BeforeEach
    void open() throws Exception {
        engine = new PrivateEngine(Files.createDirectories(state.resolve("engine")));
        engine.start();
        try (TestEngine shared = new TestEngine()) {
            engine.loadImageFrom(shared);
        }
    }

    @AfterEach
    void end() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
            // the agents end before their engine
            agents.close();
        } finally {
            engine.stop();
        }
    }

    @Test
    void childrenAreReconciledAfterTheEngineRestartsWithOneContainerEach() throws Exception {
        String member = "it-engine-restart-" + UUID.randomUUID().toString().substring(0, 8);
        Launch launch = agents.plan(member, """
                children:
                  - web:
                      image: %1$s
                      command: sleep 1000
                      stopwaitsecs: 2
                  - worker:
                      image: %1$s
                      command: sleep 1000
                      stopwaitsecs: 2
                """.formatted(TestEngine.IMAGE), null, "docker");
        List<String> arguments = new ArrayList<>(launch.arguments());
        arguments.addAll(List.of("--docker-host", engine.host().toString()));
        launch = new Launch(launch.name(), List.copyOf(arguments), launch.stateDir(), launch.api(), launch.log());
        agents.start(launch);
        client = FailoverClient.connect(launch.api(), AgentJvms.TOKEN);
        Path stateDir = launch.stateDir();
        await("both children RUNNING").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ChildFiles.state(stateDir, "web")).isEqualTo("RUNNING");
            assertThat(ChildFiles.state(stateDir, "worker")).isEqualTo("RUNNING");
        });
        String webBefore = ChildFiles.status(stateDir, "web").path("containerId").asText();
        int transitionsBefore = client.transitions().size();

        long stoppedAt = System.nanoTime();
        engine.stop();
        engine.start();
        long startedAt = System.nanoTime();

        await("both children RUNNING again, each in one running container").atMost(PATIENCE).untilAsserted(() -> {
            for (String child : List.of("web", "worker")) {
                assertThat(ChildFiles.state(stateDir, child)).as(child).isEqualTo("RUNNING");
                List<Container> running = runningOf(member, child);
                assertThat(running).as("running containers of %s", child).hasSize(1);
                assertThat(ChildFiles.status(stateDir, child).path("containerId").asText())
                        .isEqualTo(running.getFirst().getId());
            }
        });
        long reconciledAt = System.nanoTime();
        List<SupervisorStateChanged> after = client.transitions().subList(transitionsBefore,
                client.transitions().size());
        System.out.printf("[faults] engine restart: engine down and up in %d ms; children RUNNING again %d ms after "
                        + "it answered; transitions meanwhile: %s%n", Duration.ofNanos(startedAt - stoppedAt).toMillis(),
                Duration.ofNanos(reconciledAt - startedAt).toMillis(),
                after.stream().map(event -> event.child() + " " + event.from() + "->" + event.to()).toList());
        assertThat(after).as("the children's exits were seen").anyMatch(event -> event.child().equals("web")
                && event.from() == RUNNING);
        assertThat(after.getLast().to()).isEqualTo(RUNNING);
        assertThat(ChildFiles.status(stateDir, "web").path("containerId").asText()).isNotEqualTo(webBefore);
        await("the client's last transition of each child is RUNNING").atMost(PATIENCE).untilAsserted(() -> {
            for (String child : List.of("web", "worker")) {
                assertThat(client.transitions().stream().filter(event -> event.child().equals(child)).toList()
                        .getLast().to()).as(child).isEqualTo(RUNNING);
            }
        });
        SerfKillIT.assertExactlyOnceWithoutGap(client, member);
    }

    private List<Container> runningOf(String member, String child) throws Exception {
        try (DockerClient docker = engine.client()) {
            return docker.listContainersCmd()
                    .withLabelFilter(Map.of(ContainerLabels.MEMBER, member, ContainerLabels.CHILD, child)).exec();
        }
    }
}
