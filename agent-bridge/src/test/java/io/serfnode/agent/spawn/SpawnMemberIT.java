package io.serfnode.agent.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.api.ws.WsTestClient;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ServerMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * spawn-member through the WebSocket API of real members (each with its own serf agent): new members are real
 * agent processes with process children, spawned by the member the client talks to or by another one.
 */
class SpawnMemberIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOKEN = "spawn-test-token";
    private static final String WEB_TEMPLATE = """
            serfnode:
              role: web
            children:
              - app:
                  exec: sleep 600
                  startsecs: 0
            """;
    private static final String BRAVO_CONFIG = """
            serfnode:
              role: db
            children:
              - store:
                  exec: sleep 700
                  startsecs: 0
            """;

    @TempDir
    Path state;

    @RegisterExtension
    final SerfTestCluster addresses = SerfTestCluster.create();

    private final List<MemberAgent> agents = new ArrayList<>();
    private final TrackedProcesses spawned = new TrackedProcesses();
    private WsTestClient client;
    private MemberAgent alpha;
    private MemberAgent bravo;

    @BeforeEach
    void startTwoMembers() throws Exception {
        Path templates = state.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("web.yml"), WEB_TEMPLATE);
        alpha = start("alpha", null, templates, MemberConfiguration.none("test"));
        bravo = start("bravo", alpha, templates, new MemberConfiguration(BRAVO_CONFIG, "bravo.yml"));
        await().atMost(PATIENCE).until(() -> aliveIn(alpha).containsAll(List.of("alpha", "bravo")));
        client = WsTestClient.authenticated(alpha.api().orElseThrow().uri(), TOKEN);
    }

    @AfterEach
    void stopEverything() {
        if (client != null) {
            client.close();
        }
        agents.forEach(agent -> agent.spawning().running().forEach(member -> track(member.handle())));
        agents.reversed().forEach(MemberAgent::close);
        spawned.close();
    }

    @Test
    void spawnsAMemberFromATemplateThatJoinsAndRunsItsChildren() {
        client.send(new CommandMessage("s-1", SpawnMember.fromTemplate("web")));

        Answer answer = answerTo("s-1");

        assertThat(answer.result().outcome()).as(answer.result().error()).isEqualTo(CommandOutcome.OK);
        assertThat(answer.result().value()).isEqualTo(new SpawnedMembers(List.of("web-1")));
        assertThat(answer.steps()).containsExactly("requested", "created", "joined");
        Member web = alpha.members().stream().filter(m -> m.name().equals("web-1")).findFirst().orElseThrow();
        assertThat(web.roles()).containsExactly("web");
        assertThat(web.wsAddress()).isPresent();
        await().atMost(PATIENCE).until(() -> childState(alpha, "web-1", "app") == SupervisorState.RUNNING);
    }

    @Test
    void spawnsMembersLikeARemoteMemberWithItsChildrenAndAnotherRole() {
        client.send(new CommandMessage("s-2", SpawnMember.like("bravo").withRole("cache").withCount(2)));

        Answer answer = answerTo("s-2");

        assertThat(answer.result().outcome()).as(answer.result().error()).isEqualTo(CommandOutcome.OK);
        assertThat(answer.result().value()).isEqualTo(new SpawnedMembers(List.of("cache-1", "cache-2")));
        assertThat(answer.steps()).containsExactlyInAnyOrder("requested", "created", "created", "joined", "joined");
        assertThat(answer.steps().getFirst()).isEqualTo("requested");
        await().atMost(PATIENCE).until(() -> childState(alpha, "cache-1", "store") == SupervisorState.RUNNING
                && childState(alpha, "cache-2", "store") == SupervisorState.RUNNING);
    }

    @Test
    void anotherMemberSpawnsWhenItIsNamedTheSpawner() {
        client.send(new CommandMessage("s-3", SpawnMember.fromTemplate("web").withSpawner("bravo")));

        Answer answer = answerTo("s-3");

        assertThat(answer.result().outcome()).as(answer.result().error()).isEqualTo(CommandOutcome.OK);
        assertThat(answer.steps()).containsExactly("requested", "created", "joined");
        assertThat(bravo.spawning().running()).extracting(SpawnedMember::name).containsExactly("web-1");
        assertThat(alpha.spawning().running()).isEmpty();
        await().atMost(PATIENCE).until(() -> childState(alpha, "web-1", "app") == SupervisorState.RUNNING);
    }

    @Test
    void refusesWhatCannotBeSpawnedWithTheReason() {
        client.send(new CommandMessage("e-1", SpawnMember.fromTemplate("mail")));
        assertThat(answerTo("e-1").result()).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.error()).contains("no template named 'mail'").contains("available: web");
        });

        client.send(new CommandMessage("e-2", SpawnMember.like("nobody")));
        assertThat(answerTo("e-2").result()).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.error()).contains("no member named 'nobody'");
        });

        client.send(new CommandMessage("e-4", SpawnMember.fromTemplate("web").withSpawner("zulu")));
        assertThat(answerTo("e-4").result()).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.error()).contains("no member named 'zulu'");
        });

        client.send(new CommandMessage("e-5", SpawnMember.fromTemplate("mail").withSpawner("bravo")));
        assertThat(answerTo("e-5").result()).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.error()).contains("no template named 'mail'");
        });

        client.sendText("{\"type\":\"command\",\"v\":1,\"id\":\"e-6\",\"command\":{\"kind\":\"spawn-member\","
                + "\"template\":\"web\",\"count\":101}}");
        ErrorMessage error = client.next(ErrorMessage.class);
        assertThat(error.inReplyTo()).isEqualTo("e-6");
        assertThat(error.message()).contains("count").contains("at most 100");

        assertThat(alpha.spawning().running()).isEmpty();
        assertThat(bravo.spawning().running()).isEmpty();
    }

    @Test
    void stoppingTheSpawnerEndsTheMembersItSpawned() {
        client.send(new CommandMessage("s-4", SpawnMember.fromTemplate("web")));
        assertThat(answerTo("s-4").result().outcome()).isEqualTo(CommandOutcome.OK);
        await().atMost(PATIENCE).until(() -> childState(alpha, "web-1", "app") == SupervisorState.RUNNING);
        long agentPid = Long.parseLong(alpha.spawning().running().getFirst().handle());
        List<Long> processes = new ArrayList<>(List.of(agentPid));
        ProcessHandle.of(agentPid).orElseThrow().descendants().forEach(handle -> processes.add(handle.pid()));
        processes.forEach(spawned::track);
        assertThat(processes).as("the agent, its serf and its child").hasSizeGreaterThanOrEqualTo(3);

        client.close();
        client = null;
        alpha.close();

        assertThat(processes).allSatisfy(pid -> assertThat(TrackedProcesses.isAlive(pid))
                .as("process %d", pid).isFalse());
        await().atMost(PATIENCE).until(() -> bravo.members().stream()
                .anyMatch(m -> m.name().equals("web-1") && m.status() == MemberStatus.LEFT));
    }

    private MemberAgent start(String name, MemberAgent join, Path templates, MemberConfiguration own)
            throws Exception {
        SerfAgentConfig serf = addresses.newConfig(name);
        String host = serf.bind().host();
        MemberAgentConfig config = MemberAgentConfig.local(name, serf.bind(), serf.rpcAddress(), state.resolve(name))
                .withReconcileInterval(Duration.ofSeconds(2))
                .withRuntimeMode(RuntimeMode.PROCESS)
                .withRoles(own.isEmpty() ? List.of() : own.read().roles())
                .withChildren(own.read().children())
                .withJoin(join == null ? List.of() : List.of(join.config().bind()))
                .withApi(WsServerConfig.of(host, FreePorts.pick(host), TOKEN))
                .withSpawn(SpawnSettings.DEFAULTS.withTemplatesDir(templates).withOwn(own)
                        .withStopTimeout(Duration.ofSeconds(20)));
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.start();
        agent.serf().process().ifPresent(process -> spawned.track(process.pid()));
        return agent;
    }

    private void track(String pid) {
        long agentPid = Long.parseLong(pid);
        spawned.track(agentPid);
        ProcessHandle.of(agentPid).ifPresent(handle -> handle.descendants().forEach(d -> spawned.track(d.pid())));
    }

    private static List<String> aliveIn(MemberAgent agent) {
        return agent.members().stream().filter(m -> m.status() == MemberStatus.ALIVE).map(Member::name).toList();
    }

    private static SupervisorState childState(MemberAgent viewer, String member, String child) {
        return viewer.clusterChildren().snapshot().child(member, child).map(known -> known.status().state())
                .orElse(null);
    }

    /** The steps and result of one command, the other messages skipped. */
    private Answer answerTo(String id) {
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
