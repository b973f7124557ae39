package io.serfnode.agent.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.api.ws.WsTestClient;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A console's view through one member's WebSocket API, over a cluster of real members. */
class ClusterApiIT {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String TOKEN = "cluster-api-test-token";

    @TempDir
    Path state;

    @RegisterExtension
    final SerfTestCluster serfAgents = SerfTestCluster.create();

    private final List<MemberAgent> agents = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        agents.forEach(MemberAgent::close);
    }

    @Test
    void aClientOnOneMemberSeesTheWholeClusterAndControlsAChildOnAnother() throws Exception {
        MemberAgent alpha = start("alpha", List.of(ChildSpec.process("app", List.of("sleep", "1000"))
                .withSupervision(SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ZERO))), null, false);
        MemberAgent bravo = start("bravo", List.of(), alpha, true);
        start("charlie", List.of(), alpha, false);
        // a plain serf agent, no tags at all, in the same cluster
        serfAgents.start(1, (index, agent) -> agent.withStartJoin(List.of(alpha.config().bind())));
        String plain = serfAgents.agents().getFirst().nodeName();
        await().atMost(PATIENCE).until(() -> alive(bravo) == 4 && childState(alpha) == SupervisorState.RUNNING);
        await().atMost(PATIENCE).until(() -> bravo.clusterChildren().snapshot().child("alpha", "app")
                .map(child -> child.status().state() == SupervisorState.RUNNING).orElse(false));

        WsTestClient client = WsTestClient.authenticated(bravo.api().orElseThrow().uri(), TOKEN);
        clients.add(client);
        client.send(ResumeMessage.fresh());
        SnapshotMessage snapshot = client.next(SnapshotMessage.class);

        assertThat(snapshot.members()).extracting(Member::name).contains("alpha", "bravo", "charlie", plain);
        assertThat(snapshot.members()).filteredOn(m -> m.name().equals(plain)).singleElement()
                .satisfies(m -> assertThat(m.roles()).isEmpty());
        assertThat(snapshot.members()).filteredOn(m -> m.name().equals("bravo")).singleElement()
                .satisfies(m -> assertThat(m.wsAddress()).contains(bravo.api().orElseThrow().advertisedAddress()));
        assertThat(snapshot.children().get("alpha")).extracting(SupervisedChild::child)
                .extracting(child -> child.name()).containsExactly("app");
        long pid = alpha.supervisor().status("app").orElseThrow().pid();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // the child dies under its member

        List<String> sequence = new ArrayList<>();
        long lastSeq = snapshot.seq();
        while (sequence.size() < 3) {
            ServerMessage message = client.next();
            if (message instanceof EventMessage event) {
                assertThat(event.seq()).isGreaterThan(lastSeq);
                lastSeq = event.seq();
                if (event.event() instanceof SupervisorStateChanged change && change.member().equals("alpha")) {
                    sequence.add(change.from() + ">" + change.to());
                }
            }
        }
        assertThat(sequence).containsExactly("RUNNING>EXITED", "EXITED>STARTING", "STARTING>RUNNING");

        client.send(new CommandMessage("restart-1", new RestartChild("alpha", "app")));
        ResultMessage result = nextResult(client, "restart-1");
        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(alpha.supervisor().status("app")).hasValueSatisfying(s -> assertThat(s.state())
                .isEqualTo(SupervisorState.RUNNING));
    }

    @Test
    void anEventTriggeredThroughTheApiReachesTheHandlersOfEveryMember() throws Exception {
        MemberAgent alpha = start("alpha", List.of(), null, true);
        MemberAgent bravo = start("bravo", List.of(), alpha, false);
        MemberAgent charlie = start("charlie", List.of(), alpha, false);
        for (MemberAgent member : List.of(alpha, bravo, charlie)) {
            installHandler(member, "deploy");
        }
        await().atMost(PATIENCE).until(() -> alive(alpha) == 3);
        WsTestClient client = WsTestClient.authenticated(alpha.api().orElseThrow().uri(), TOKEN);
        clients.add(client);

        client.send(new CommandMessage("t-1", new TriggerEvent("deploy",
                io.serfnode.model.Payload.ofText("{\"version\":7}"), false)));

        assertThat(nextResult(client, "t-1").outcome()).isEqualTo(CommandOutcome.OK);
        for (MemberAgent member : List.of(alpha, bravo, charlie)) {
            Path received = member.config().stateDir().resolve("deploy.received");
            await().atMost(PATIENCE).until(() -> Files.exists(received)
                    && Files.readString(received).contains("{\"version\":7}"));
        }
    }

    private static ResultMessage nextResult(WsTestClient client, String id) {
        while (true) {
            if (client.next() instanceof ResultMessage result && result.id().equals(id)) {
                return result;
            }
        }
    }

    private static void installHandler(MemberAgent member, String event) throws Exception {
        Path handlers = Files.createDirectories(member.config().stateDir().resolve("handlers"));
        Path handler = handlers.resolve(event);
        Files.writeString(handler, "#!/bin/sh\ncat > \"$SERFNODE_STATE_DIR/" + event + ".received\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(handler, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static long alive(MemberAgent agent) {
        return agent.members().stream().filter(m -> m.status() == MemberStatus.ALIVE).count();
    }

    private static SupervisorState childState(MemberAgent agent) {
        return agent.supervisor().status("app").map(s -> s.state()).orElse(SupervisorState.UNKNOWN);
    }

    private MemberAgent start(String name, List<ChildSpec> children, MemberAgent joinThrough, boolean api)
            throws InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, state.resolve(name))
                .withChildren(children)
                .withReconcileInterval(Duration.ofSeconds(2))
                .withJoin(joinThrough == null ? List.of() : List.of(joinThrough.config().bind()));
        if (api) {
            config = config.withApi(WsServerConfig.of("127.0.0.1", 0, TOKEN));
        }
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.start();
        return agent;
    }
}
