package io.serfnode.agent.member;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.config.SerfnodeConfig;
import io.serfnode.agent.config.SerfnodeConfigLoader;
import io.serfnode.agent.member.TransitionRecorder.Step;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.docker.ContainerLabels;
import io.serfnode.agent.runtime.docker.ContainerNames;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member agents whose children are containers of the real Docker engine (the busybox test image, host
 * networking), each agent with its own real serf agent on loopback.
 */
class MemberAgentDockerIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @TempDir
    Path state;

    private EngineContainers engine;
    private MemberAgents members;
    private final TrackedProcesses crashed = new TrackedProcesses();

    @BeforeEach
    void open() {
        engine = new EngineContainers();
        members = new MemberAgents(serf);
    }

    @AfterEach
    void removeEverythingTheTestStarted() throws Exception {
        try {
            members.close();
            crashed.close();
        } finally {
            engine.close();
        }
    }

    @Test
    void aDockerChildRunsInALabelledContainerAndNothingOfOursIsLeftAfterLeave() throws Exception {
        String member = engine.newMember("docker-run");
        String yaml = webChild("sh -c 'echo up; sleep 1000'");
        MemberAgent agent = members.create(dockerMember(member, yaml));
        TransitionRecorder transitions = new TransitionRecorder();
        agent.supervisor().subscribe(transitions);
        members.start(agent);

        awaitState(agent, "web", RUNNING);
        String containerId = agent.supervisor().status("web").map(ChildStatus::containerId).orElseThrow();
        InspectContainerResponse container = engine.inspect(ContainerNames.of(member, "web")).orElseThrow();
        assertThat(container.getId()).isEqualTo(containerId);
        assertThat(container.getState().getRunning()).isTrue();
        assertThat(container.getConfig().getLabels()).containsAllEntriesOf(Map.of(
                ContainerLabels.MEMBER, member,
                ContainerLabels.CHILD, "web",
                ContainerLabels.SPEC_HASH, ContainerLabels.specHash(childOf(yaml, "web"))));
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(engine.of(member)).extracting(Container::getId).containsExactly(containerId);
        JsonNode status = new MemberFiles(agent.config().stateDir()).childrenByName().path("web").path("status");
        assertThat(status.path("containerId").asText()).isEqualTo(containerId);

        agent.leave();

        assertThat(engine.of(member)).as("containers of %s after leave", member).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitions.moves("web")).containsExactly(
                "STOPPED->STARTING", "STARTING->RUNNING", "RUNNING->STOPPING", "STOPPING->STOPPED"));
    }

    @Test
    void aCrashingDockerChildBecomesFatalWithItsExitCodes() throws Exception {
        String member = engine.newMember("docker-crash");
        MemberAgent agent = members.create(dockerMember(member, """
                children:
                  - crasher:
                      image: %s
                      command: sh -c 'echo failing; exit 7'
                      startsecs: 3
                      startretries: 1
                """.formatted(EngineContainers.IMAGE)));
        TransitionRecorder transitions = new TransitionRecorder();
        agent.supervisor().subscribe(transitions);

        members.start(agent);

        awaitState(agent, "crasher", FATAL);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitions.steps("crasher")).containsExactly(
                new Step("crasher", STOPPED, STARTING, null, 1),
                new Step("crasher", STARTING, BACKOFF, 7, 1),
                new Step("crasher", BACKOFF, STARTING, null, 2),
                new Step("crasher", STARTING, BACKOFF, 7, 2),
                new Step("crasher", BACKOFF, FATAL, null, 2)));
        MemberFiles files = new MemberFiles(agent.config().stateDir());
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode status = files.childrenByName().path("crasher").path("status");
            assertThat(status.path("state").asText()).isEqualTo("FATAL");
            assertThat(status.path("exitCode").asInt()).isEqualTo(7);
        });
        // each exited container was removed before the next attempt
        assertThat(engine.of(member)).isEmpty();
    }

    @Test
    void anAgentRestartedAfterACrashAdoptsTheRunningContainerOfItsChild() throws Exception {
        String yaml = webChild("sh -c 'echo up; sleep 1000'");
        Crashed crash = crashAgentWithRunningChild("docker-adopt", yaml);

        MemberAgent restarted = members.create(crash.restartedConfig(yaml));
        TransitionRecorder transitions = new TransitionRecorder();
        restarted.supervisor().subscribe(transitions);
        members.start(restarted);

        awaitState(restarted, "web", RUNNING);
        assertThat(restarted.supervisor().status("web").map(ChildStatus::containerId)).contains(crash.containerId());
        // the recorder hears a transition on the child's thread just after its status shows it
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitions.moves("web"))
                .containsExactly("STOPPED->STARTING", "STARTING->RUNNING"));
        assertThat(engine.of(crash.member())).as("containers of %s", crash.member()).extracting(Container::getId)
                .containsExactly(crash.containerId());
        MemberFiles files = new MemberFiles(crash.stateDir());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(files.childrenByName()
                .path("web").path("status").path("containerId").asText()).isEqualTo(crash.containerId()));
    }

    @Test
    void anAgentRestartedAfterACrashWithAChangedChildReplacesTheStaleContainer() throws Exception {
        Crashed crash = crashAgentWithRunningChild("docker-changed", webChild("sh -c 'echo v1; sleep 1000'"));
        String changed = webChild("sh -c 'echo v2; sleep 1000'");

        MemberAgent restarted = members.start(crash.restartedConfig(changed));

        awaitState(restarted, "web", RUNNING);
        String newId = restarted.supervisor().status("web").map(ChildStatus::containerId).orElseThrow();
        assertThat(newId).as("the container running the changed child").isNotEqualTo(crash.containerId());
        assertThat(engine.of(crash.member())).as("containers of %s", crash.member()).extracting(Container::getId)
                .containsExactly(newId);
        assertThat(engine.inspect(newId).orElseThrow().getConfig().getLabels())
                .containsEntry(ContainerLabels.SPEC_HASH, ContainerLabels.specHash(childOf(changed, "web")));
    }

    /** A member whose agent crashed while its child ran: what a restarted agent finds. */
    private record Crashed(String member, Path stateDir, SerfAgentConfig addresses, String containerId) {
        /** The same member (name, state directory, addresses) with the children of {@code yaml}. */
        MemberAgentConfig restartedConfig(String yaml) throws ConfigException {
            return MemberAgentConfig.local(member, addresses.bind(), addresses.rpcAddress(), stateDir)
                    .withChildren(SerfnodeConfigLoader.load(yaml, member + "/serfnode.yml", Map.of()).children())
                    .withRuntimeMode(RuntimeMode.DOCKER);
        }
    }

    /**
     * Runs {@code serfnode agent} with {@code yaml} in a JVM of its own until its child {@code web} runs, then
     * kills that JVM with SIGKILL. Its serf follows it within moments; it is ended here by pid all the same,
     * so that the restarted agent finds serf's ports free.
     */
    private Crashed crashAgentWithRunningChild(String purpose, String yaml) throws Exception {
        String member = engine.newMember(purpose);
        Path stateDir = state.resolve(member);
        Path configFile = Files.createDirectories(stateDir).resolve("serfnode.yml");
        Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
        SerfAgentConfig addresses = serf.newConfig(member);
        AgentJvm agent = AgentJvm.start(List.of("--config", configFile.toString(), "--name", member,
                "--bind", addresses.bind().toString(), "--rpc", addresses.rpcAddress().toString(),
                "--state-dir", stateDir.toString(), "--runtime", "docker", "--profile", "local"),
                Path.of("target", "agent-jvm", member + ".log").toAbsolutePath());
        crashed.track(agent.pid());
        MemberFiles files = new MemberFiles(stateDir);
        await("web RUNNING in the first agent").atMost(PATIENCE)
                .failFast("the first agent exited; its output is in target/agent-jvm/" + member + ".log",
                        () -> !agent.isAlive())
                .until(() -> files.childrenByName().path("web").path("status").path("state").asText(), "RUNNING"::equals);
        String containerId = files.childrenByName().path("web").path("status").path("containerId").asText();
        List<ProcessHandle> serfs = agent.serfProcesses();
        assertThat(serfs).as("serf of the first agent").hasSize(1);
        ProcessHandle firstSerf = serfs.getFirst();
        crashed.track(firstSerf.pid());

        agent.crash();
        firstSerf.destroyForcibly();
        await().atMost(PATIENCE).until(() -> !firstSerf.isAlive());

        assertThat(engine.runningOf(member, "web")).as("the container after the crash")
                .extracting(Container::getId).containsExactly(containerId);
        return new Crashed(member, stateDir, addresses, containerId);
    }

    private static String webChild(String command) {
        return """
                children:
                  - web:
                      image: %s
                      command: %s
                      stopwaitsecs: 2
                """.formatted(EngineContainers.IMAGE, command);
    }

    private MemberAgentConfig dockerMember(String member, String yaml) throws ConfigException {
        SerfnodeConfig file = SerfnodeConfigLoader.load(yaml, member + "/serfnode.yml", Map.of());
        return members.config(member, state.resolve(member))
                .withChildren(file.children())
                .withRuntimeMode(RuntimeMode.DOCKER);
    }

    private static ChildSpec childOf(String yaml, String child) throws ConfigException {
        return SerfnodeConfigLoader.load(yaml, "serfnode.yml", Map.of()).child(child).orElseThrow();
    }

    private static void awaitState(MemberAgent agent, String child, SupervisorState state) {
        await(child + " of " + agent.name() + " is " + state).atMost(PATIENCE)
                .until(() -> agent.supervisor().status(child).map(ChildStatus::state), Optional.of(state)::equals);
    }
}
