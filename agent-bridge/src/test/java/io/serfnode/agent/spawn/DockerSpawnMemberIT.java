package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.api.ws.WsTestClient;
import io.serfnode.agent.image.MemberImage;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.docker.ContainerLabels;
import io.serfnode.agent.runtime.docker.DockerRuntimeConfig;
import io.serfnode.agent.runtime.docker.TestEngine;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * spawn-member with runtime docker through the WebSocket API of a real member: the new members are containers of
 * the member image (built from this build's agent, as {@code MemberImageIT} builds it) on the real engine, with
 * host networking on the test's loopback addresses; their process and Docker children run, seen from the cluster.
 * Every container is removed by id when a test ends, whatever its outcome.
 */
class DockerSpawnMemberIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TOKEN = "docker-spawn-test-token";

    @TempDir
    Path state;

    @RegisterExtension
    final SerfTestCluster addresses = SerfTestCluster.create();

    private static String image;
    /** Unique per test: member names (and so container names) are {@code <role>-<n>}, shared by every test run here. */
    private final String role = "dsp" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    private final String suffix = role.substring(3);
    private final List<MemberAgent> agents = new ArrayList<>();
    private final List<WsTestClient> clients = new ArrayList<>();
    private final TrackedProcesses processes = new TrackedProcesses();
    private final Set<String> containers = new LinkedHashSet<>();
    private DockerClient engine;
    private Path templates;

    @BeforeAll
    static void buildTheImage() throws Exception {
        image = MemberImage.build();
    }

    @BeforeEach
    void writeTheTemplate() throws Exception {
        engine = TestEngine.connect();
        templates = Files.createDirectories(state.resolve("templates"));
        Files.writeString(templates.resolve("box.yml"), """
                serfnode:
                  role: %s
                children:
                  - worker:
                      exec: ["/bin/sh", "-c", "exec sleep 1000"]
                      startsecs: 0
                  - web:
                      image: %s
                      command: sh -c 'exec sleep 1000'
                      startsecs: 0
                      stopwaitsecs: 2
                """.formatted(role, TestEngine.IMAGE));
    }

    @AfterEach
    void removeEverythingTheTestStarted() throws Exception {
        try {
            clients.forEach(WsTestClient::close);
            agents.forEach(agent -> agent.spawning().running().forEach(member -> containers.add(member.handle())));
            for (MemberAgent agent : agents.reversed()) {
                containers.addAll(spawnedBy(agent.config().name()));
                agent.close();
            }
        } finally {
            try {
                removeContainers();
            } finally {
                try {
                    engine.close();
                } finally {
                    processes.close();
                }
            }
        }
    }

    @Test
    void spawnsAMemberContainerThatJoinsAndRunsItsProcessAndDockerChildren() throws Exception {
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS, MemberImage.TAG);
        WsTestClient client = client(alpha);

        client.send(new CommandMessage("d-1", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        Answer answer = answerTo(client, "d-1");

        String name = role + "-1";
        assertThat(answer.result().outcome()).as(answer.result().error()).isEqualTo(CommandOutcome.OK);
        assertThat(answer.result().value()).isEqualTo(new SpawnedMembers(List.of(name)));
        assertThat(answer.steps()).containsExactly("requested", "created", "joined");
        SpawnedMember spawned = alpha.spawning().running().getFirst();
        containers.add(spawned.handle());
        assertThat(spawned.runtime()).isEqualTo(RuntimeKind.DOCKER);
        Member member = alpha.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        assertThat(member.roles()).containsExactly(role);
        assertThat(member.wsAddress()).isPresent();

        InspectContainerResponse container = engine.inspectContainerCmd(spawned.handle()).exec();
        assertThat(container.getName()).isEqualTo("/" + name);
        assertThat(container.getConfig().getImage()).isEqualTo(MemberImage.TAG);
        assertThat(container.getConfig().getLabels()).containsEntry(SpawnLabels.SPAWNED_BY, alpha.config().name())
                .containsEntry(SpawnLabels.MEMBER, name);
        assertThat(container.getHostConfig().getNetworkMode()).isEqualTo("host");
        assertThat(container.getState().getRunning()).isTrue();

        await("both children of " + name + " RUNNING, as the spawner hears it").atMost(PATIENCE)
                .until(() -> childState(alpha, name, "worker") == SupervisorState.RUNNING
                        && childState(alpha, name, "web") == SupervisorState.RUNNING);
        List<Container> children = childContainersOf(name);
        assertThat(children).as("Docker children of %s", name).hasSize(1);
        // the member found its own container through its hostname: the child shares its network namespace
        assertThat(engine.inspectContainerCmd(children.getFirst().getId()).exec().getHostConfig().getNetworkMode())
                .isEqualTo("container:" + spawned.handle());
    }

    @Test
    void stoppingTheSpawnerStopsAndRemovesItsMemberContainers() throws Exception {
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS, MemberImage.TAG);
        MemberAgent bravo = start("bravo", DockerRuntimeConfig.DEFAULTS, MemberImage.TAG, alpha);
        WsTestClient client = client(alpha);
        client.send(new CommandMessage("d-2", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        assertThat(answerTo(client, "d-2").result().outcome()).isEqualTo(CommandOutcome.OK);
        String name = role + "-1";
        String id = alpha.spawning().running().getFirst().handle();
        containers.add(id);
        await().atMost(PATIENCE).until(() -> childState(bravo, name, "web") == SupervisorState.RUNNING);
        // the child's state comes by gossip of its own; the member must be in bravo's membership before it leaves
        await("bravo holds " + name + " alive").atMost(PATIENCE).until(() -> bravo.members().stream()
                .anyMatch(m -> m.name().equals(name) && m.status() == MemberStatus.ALIVE));

        alpha.close();

        assertThat(alpha.spawning().running()).isEmpty();
        assertThat(exists(id)).as("member container %s after its spawner stopped", id).isFalse();
        await("the member container left gracefully, as another member hears it").atMost(PATIENCE)
                .until(() -> bravo.members().stream()
                        .anyMatch(m -> m.name().equals(name) && m.status() == MemberStatus.LEFT));
        assertThat(childContainersOf(name)).as("the member stopped its Docker child before it left")
                .allSatisfy(child -> assertThat(child.getState()).isNotEqualTo("running"));
    }

    @Test
    void adoptsTheRunningMemberContainersAnEarlierRunLeftAndRemovesTheEndedOnes() throws Exception {
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS, MemberImage.TAG);
        String spawner = alpha.config().name();
        // what a spawner killed by SIGKILL leaves: containers labelled as its members, one running, one ended
        String running = leftover(spawner, role + "-8", "exec sleep 1000");
        String ended = leftover(spawner, role + "-9", "exit 3");
        await("the ended leftover exited").atMost(PATIENCE)
                .until(() -> !engine.inspectContainerCmd(ended).exec().getState().getRunning());
        WsTestClient client = client(alpha);

        client.send(new CommandMessage("a-1", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        assertThat(answerTo(client, "a-1").result().outcome()).isEqualTo(CommandOutcome.OK);

        assertThat(alpha.spawning().running()).extracting(SpawnedMember::name)
                .containsExactlyInAnyOrder(role + "-1", role + "-8");
        alpha.spawning().running().forEach(member -> containers.add(member.handle()));
        assertThat(exists(ended)).as("the ended leftover").isFalse();

        alpha.close();

        assertThat(exists(running)).as("the adopted leftover after its spawner stopped").isFalse();
        assertThat(spawnedBy(spawner)).isEmpty();
    }

    /** A container labelled as a member {@code spawner} spawned, running {@code script} in the test image. */
    private String leftover(String spawner, String name, String script) {
        String id = engine.createContainerCmd(TestEngine.IMAGE).withName(name)
                .withLabels(SpawnLabels.of(spawner, name))
                .withCmd("sh", "-c", script)
                // an init, so that the engine's stop (SIGTERM) ends the shell at once
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withInit(true))
                .exec().getId();
        containers.add(id);
        engine.startContainerCmd(id).exec();
        return id;
    }

    @Test
    void reportsAMissingImageWithTheWayToBuildIt() throws Exception {
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS, "serfnode-test/no-such-member:" + suffix);
        WsTestClient client = client(alpha);

        client.send(new CommandMessage("e-1", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        Answer answer = answerTo(client, "e-1");

        assertThat(answer.result().outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(answer.result().error()).contains("image serfnode-test/no-such-member:" + suffix + " not found")
                .contains("run make image");
        assertThat(answer.steps()).containsExactly("requested", "failed");
        assertThat(alpha.spawning().running()).isEmpty();
        assertThat(spawnedBy(alpha.config().name())).isEmpty();
    }

    @Test
    void reportsAnUnreachableEngineWhileTheSpawnerRunsOn() throws Exception {
        URI bogus = URI.create("tcp://127.0.0.1:" + FreePorts.pick("127.0.0.1"));
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS.withDockerHost(bogus), MemberImage.TAG);
        WsTestClient client = client(alpha);

        client.send(new CommandMessage("e-2", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        Answer answer = answerTo(client, "e-2");

        assertThat(answer.result().outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(answer.result().error()).contains("no Docker engine answers at " + bogus);
        assertThat(alpha.spawning().running()).isEmpty();
        assertThat(alpha.members()).extracting(Member::name).containsExactly(alpha.config().name());
    }

    @Test
    void reportsANameClashWithTheContainerInTheWay() throws Exception {
        MemberAgent alpha = start("alpha", DockerRuntimeConfig.DEFAULTS, MemberImage.TAG);
        WsTestClient client = client(alpha);
        String name = role + "-1";
        String squatter = engine.createContainerCmd(TestEngine.IMAGE).withName(name).withCmd("true").exec().getId();
        containers.add(squatter);

        client.send(new CommandMessage("e-3", SpawnMember.fromTemplate("box").withRuntime(RuntimeKind.DOCKER)));
        Answer answer = answerTo(client, "e-3");

        assertThat(answer.result().outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(answer.result().error()).contains("a container named '" + name + "' already exists")
                .contains(squatter.substring(0, 12)).contains("not a spawned member");
        assertThat(alpha.spawning().running()).isEmpty();
        assertThat(spawnedBy(alpha.config().name())).isEmpty();
    }

    private MemberAgent start(String name, DockerRuntimeConfig docker, String memberImage, MemberAgent... join)
            throws Exception {
        String unique = name + "-" + suffix;
        SerfAgentConfig serf = addresses.newConfig(unique);
        String host = serf.bind().host();
        MemberAgentConfig config = MemberAgentConfig.local(unique, serf.bind(), serf.rpcAddress(),
                        state.resolve(unique))
                .withReconcileInterval(Duration.ofSeconds(2))
                .withRuntimeMode(RuntimeMode.PROCESS)
                .withDocker(docker)
                .withJoin(join.length == 0 ? List.of() : List.of(join[0].config().bind()))
                .withApi(WsServerConfig.of(host, FreePorts.pick(host), TOKEN))
                .withSpawn(SpawnSettings.DEFAULTS.withTemplatesDir(templates).withMemberImage(memberImage)
                        .withStopTimeout(Duration.ofSeconds(20)));
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.start();
        agent.serf().process().ifPresent(process -> processes.track(process.pid()));
        if (join.length > 0) {
            await().atMost(PATIENCE).until(() -> join[0].members().stream()
                    .anyMatch(m -> m.name().equals(unique) && m.status() == MemberStatus.ALIVE));
        }
        return agent;
    }

    private WsTestClient client(MemberAgent agent) {
        WsTestClient client = WsTestClient.authenticated(agent.api().orElseThrow().uri(), TOKEN);
        clients.add(client);
        return client;
    }

    private List<String> spawnedBy(String spawner) {
        return engine.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(SpawnLabels.SPAWNED_BY, spawner)).exec().stream().map(Container::getId).toList();
    }

    private List<Container> childContainersOf(String member) {
        return engine.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MEMBER, member)).exec();
    }

    private boolean exists(String id) {
        try {
            engine.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Every container of the test, by id: the member containers, the squatter, and the members' children. */
    private void removeContainers() {
        Set<String> all = new LinkedHashSet<>(containers);
        for (int n = 1; n <= 3; n++) {
            childContainersOf(role + "-" + n).forEach(child -> all.add(child.getId()));
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (String id : all) {
            try {
                engine.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // removed by its owner already
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not remove every container of the test");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static SupervisorState childState(MemberAgent viewer, String member, String child) {
        return viewer.clusterChildren().snapshot().child(member, child).map(known -> known.status().state())
                .orElse(null);
    }

    /** The steps and result of one command, the other messages skipped. */
    private static Answer answerTo(WsTestClient client, String id) {
        List<String> steps = new ArrayList<>();
        while (true) {
            ServerMessage message = client.next();
            if (message instanceof ProgressMessage progress && progress.id().equals(id)
                    && progress.progress() instanceof StepProgress step) {
                steps.add(step.step());
            } else if (message instanceof ResultMessage result && result.id().equals(id)) {
                return new Answer(steps, result);
            }
        }
    }

    private record Answer(List<String> steps, ResultMessage result) {
    }
}
