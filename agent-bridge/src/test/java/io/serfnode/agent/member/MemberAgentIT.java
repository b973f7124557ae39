package io.serfnode.agent.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.cluster.ClusterChildrenListener;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Member agents with their own real serf agents on loopback. */
class MemberAgentIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path state;

    private final List<MemberAgent> agents = new ArrayList<>();
    private final List<Long> serfPids = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        agents.forEach(MemberAgent::close);
        // a serf that outlived its agent (a failing test) is ended by the pid this test saw
        serfPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void membersJoinAndSeeEachOtherWithTheirRoles() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null);
        MemberAgent db = start("db-1", List.of("db", "backup"), web);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(aliveNames(web)).containsExactlyInAnyOrder("web-1", "db-1");
            assertThat(aliveNames(db)).containsExactlyInAnyOrder("web-1", "db-1");
        });
        Member dbAsWebSeesIt = find(web, "db-1").orElseThrow();
        assertThat(dbAsWebSeesIt.roles()).containsExactly("db", "backup");
        assertThat(dbAsWebSeesIt.tags()).containsEntry("sn", "1");
    }

    @Test
    void restartsItsSerfAfterAKillAndStaysInTheClusterWithItsChildrenUntouched() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null,
                List.of(ChildSpec.process("app", List.of("sleep", "1000"))
                        .withSupervision(SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ZERO))));
        MemberAgent db = start("db-1", List.of("db"), web);
        await().atMost(PATIENCE).until(() -> aliveNames(db).size() == 2
                && web.supervisor().status("app").map(s -> s.state() == SupervisorState.RUNNING).orElse(false));
        long childPid = web.supervisor().status("app").orElseThrow().pid();
        long countersBefore = web.supervisor().status("app").orElseThrow().counter();
        List<MembershipEvent> seenByDb = new CopyOnWriteArrayList<>();
        db.membership().addListener(seenByDb::add);
        SerfAgentProcess firstSerf = web.serf().process().orElseThrow();

        firstSerf.kill();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(web.serf().restarts()).isEqualTo(1);
            assertThat(web.serf().isConnected()).isTrue();
            assertThat(web.serf().process().orElseThrow().pid()).isNotEqualTo(firstSerf.pid());
        });
        serfPids.add(web.serf().process().orElseThrow().pid());
        // the restarted serf is the same member again, in everyone's view
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(statusOf(db, "web-1")).contains(MemberStatus.ALIVE);
            assertThat(statusOf(web, "db-1")).contains(MemberStatus.ALIVE);
        });
        List<UserEvent> received = new CopyOnWriteArrayList<>();
        db.addUserEventListener(received::add);
        // each try is a new event: serf drops what it takes for a repeat (same name, payload and time)
        AtomicInteger tries = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            web.triggerEvent("after-restart", ("still here " + tries.incrementAndGet()).getBytes(StandardCharsets.UTF_8),
                    false);
            return received.stream().anyMatch(e -> e.name().equals("after-restart"));
        });
        // serf came back under the child: same process, no transition
        assertThat(web.supervisor().status("app")).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(SupervisorState.RUNNING);
            assertThat(status.pid()).isEqualTo(childPid);
            assertThat(status.counter()).isEqualTo(countersBefore);
        });
    }

    @Test
    void aGracefulLeaveIsSeenAsLeftByTheOthers() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null);
        MemberAgent db = start("db-1", List.of("db"), web);
        await().atMost(PATIENCE).until(() -> aliveNames(web).size() == 2);

        db.leave();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(web, "db-1")).contains(MemberStatus.LEFT));
        assertThat(ProcessHandle.of(serfPids.get(1)).map(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void userEventsReachEveryMemberWithTheirPayload() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null);
        MemberAgent db = start("db-1", List.of("db"), web);
        await().atMost(PATIENCE).until(() -> aliveNames(db).size() == 2);
        List<UserEvent> atDb = new CopyOnWriteArrayList<>();
        db.addUserEventListener(atDb::add);

        web.triggerEvent("deploy", new byte[] {0, 1, 2, (byte) 0xff}, false);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(atDb)
                .anySatisfy(event -> {
                    assertThat(event.name()).isEqualTo("deploy");
                    assertThat(event.payload().bytes()).containsExactly(0, 1, 2, 0xff);
                }));
    }

    @Test
    void aChildsTransitionsReachAnotherMemberInCounterOrder() throws Exception {
        MemberAgent observer = start("db-1", List.of("db"), null);
        List<SupervisorStateChanged> seen = new CopyOnWriteArrayList<>();
        observer.clusterChildren().subscribe(new ClusterChildrenListener() {
            @Override
            public void onTransition(SupervisorStateChanged event) {
                if (event.member().equals("web-1")) {
                    seen.add(event);
                }
            }
        });
        ChildSpec crashing = ChildSpec.process("crasher", List.of("sh", "-c", "exit 7"))
                .withSupervision(SupervisionPolicy.DEFAULTS.withStartRetries(1));

        start("web-1", List.of("web"), observer, List.of(crashing));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(seen)
                .extracting(e -> e.from() + ">" + e.to())
                .containsExactly("STOPPED>STARTING", "STARTING>BACKOFF", "BACKOFF>STARTING", "STARTING>BACKOFF",
                        "BACKOFF>FATAL"));
        assertThat(seen).extracting(SupervisorStateChanged::counter).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(1).exitCode()).isEqualTo(7);
        assertThat(observer.clusterChildren().snapshot().child("web-1", "crasher"))
                .hasValueSatisfying(child -> assertThat(child.status().state()).isEqualTo(SupervisorState.FATAL));
    }

    @Test
    void aMemberThatJoinsLateLearnsTheChildrenAlreadyRunning() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null,
                List.of(ChildSpec.process("app", List.of("sleep", "1000"))));
        await().atMost(PATIENCE).until(() -> web.supervisor().status("app")
                .map(status -> status.state() == SupervisorState.RUNNING).orElse(false));

        MemberAgent late = start("db-1", List.of("db"), web);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(late.clusterChildren().snapshot().child("web-1", "app"))
                .hasValueSatisfying(child -> assertThat(child.status().state()).isEqualTo(SupervisorState.RUNNING)));
    }

    @Test
    void restartsAChildOnAnotherMemberThroughThisMembersCommands() throws Exception {
        MemberAgent web = start("web-1", List.of("web"), null,
                List.of(ChildSpec.process("app", List.of("sleep", "1000"))
                        .withSupervision(SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ZERO))));
        MemberAgent db = start("db-1", List.of("db"), web);
        await().atMost(PATIENCE).until(() -> aliveNames(db).size() == 2
                && web.supervisor().status("app").map(s -> s.state() == SupervisorState.RUNNING).orElse(false));
        long firstPid = web.supervisor().status("app").orElseThrow().pid();
        List<ClusterEvent> audits = new CopyOnWriteArrayList<>();
        db.clusterAccess().subscribe(event -> {
            if (event instanceof CommandAudit) {
                audits.add(event);
            }
        });

        ResultMessage result = db.commands()
                .execute(new CommandRequest("c-1", new RestartChild("web-1", "app"), "test-client"), progress -> { })
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(web.supervisor().status("app")).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(SupervisorState.RUNNING);
            assertThat(status.pid()).isNotEqualTo(firstPid);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(audits).singleElement()
                .satisfies(audit -> assertThat(((CommandAudit) audit).client()).isEqualTo("test-client")));
    }

    private MemberAgent start(String name, List<String> roles, MemberAgent joinThrough) throws InterruptedException {
        return start(name, roles, joinThrough, List.of());
    }

    private MemberAgent start(String name, List<String> roles, MemberAgent joinThrough, List<ChildSpec> children)
            throws InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, state.resolve(name))
                .withRoles(roles)
                .withReconcileInterval(Duration.ofSeconds(2))
                .withChildren(children)
                .withJoin(joinThrough == null ? List.of() : List.of(joinThrough.config().bind()));
        MemberAgent agent = new MemberAgent(config);
        agents.add(agent);
        agent.start();
        serfPids.add(agent.serf().process().orElseThrow().pid());
        return agent;
    }

    private static List<String> aliveNames(MemberAgent agent) {
        return agent.members().stream().filter(m -> m.status() == MemberStatus.ALIVE).map(Member::name).toList();
    }

    private static Optional<Member> find(MemberAgent agent, String name) {
        return agent.members().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static Optional<MemberStatus> statusOf(MemberAgent agent, String name) {
        return find(agent, name).map(Member::status);
    }
}
