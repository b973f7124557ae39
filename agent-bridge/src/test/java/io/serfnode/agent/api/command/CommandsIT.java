package io.serfnode.agent.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.supervisor.TrackingRuntime;
import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.runtime.process.ProcessRuntime;
import io.serfnode.agent.runtime.process.ProcessRuntimeConfig;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.StreamCallback;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.serf.rpc.StreamFilter;
import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.supervisor.ChildrenSupervisor;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponse;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StopChild;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.wire.ResultMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands between three real serf agents, each the serf of a "member" that supervises a real process
 * child: a and b answer relayed commands, c runs serf only.
 */
class CommandsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String CHILD = "sleeper";
    private static final CommandServiceConfig CONFIG = CommandServiceConfig.defaults()
            .withRelayTimeout(Duration.ofSeconds(6))
            .withAnswerMargin(Duration.ofSeconds(2));

    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    @TempDir
    Path state;

    private final TrackedProcesses children = new TrackedProcesses();
    private final List<TestMember> members = new ArrayList<>();
    private final List<ClusterEvent> audits = new CopyOnWriteArrayList<>();
    private final List<CommandProgress> progress = new CopyOnWriteArrayList<>();
    private TestMember a;
    private TestMember b;
    private TestMember c;
    private ClusterCommandService commands;

    /** One member: its serf client, a supervisor of one real process and what it does when asked to leave. */
    private final class TestMember implements LocalMember {
        final SerfTestAgent agent;
        final SerfRpcClient rpc;
        final ProcessRuntime runtime;
        final ChildrenSupervisor supervisor;

        TestMember(SerfTestAgent agent) throws IOException {
            this.agent = agent;
            this.rpc = cluster.rpcClient(agent);
            Path home = state.resolve(agent.nodeName());
            this.runtime = new ProcessRuntime(agent.nodeName(), ProcessRuntimeConfig.in(home));
            ChildSpec sleeper = ChildSpec.process(CHILD, List.of("/bin/sleep", "600"))
                    .withSupervision(SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofMillis(300)));
            this.supervisor = ChildrenSupervisor.open(agent.nodeName(), home, List.of(sleeper),
                    Map.of(RuntimeKind.PROCESS, new TrackingRuntime(runtime, children)));
        }

        @Override
        public String name() {
            return agent.nodeName();
        }

        @Override
        public Supervisor supervisor() {
            return supervisor;
        }

        @Override
        public SerfRpc rpc() {
            return rpc;
        }

        @Override
        public List<Member> members() {
            return rpc.members().stream().map(CommandsIT::toModel).toList();
        }

        @Override
        public void leaveSoon() {
            Thread.ofVirtual().start(() -> {
                supervisor.close();
                rpc.leave();
            });
        }

        ChildStatus child() {
            return supervisor.status(CHILD).orElseThrow();
        }

        void close() {
            supervisor.close();
            runtime.close();
        }
    }

    private static Member toModel(SerfMember member) {
        return new Member(member.name(), member.address().getHostAddress(), member.port(), member.tags(),
                MemberStatus.fromSerf(member.status().wireName()));
    }

    @BeforeEach
    void startMembers() throws Exception {
        for (SerfTestAgent agent : cluster.start(3)) {
            members.add(new TestMember(agent));
        }
        a = members.get(0);
        b = members.get(1);
        c = members.get(2);
        for (TestMember member : members) {
            assertThat(member.supervisor.startAll().toCompletableFuture().get())
                    .allSatisfy(result -> assertThat(result.outcome()).isEqualTo(CommandOutcome.OK));
        }
        CommandResponderConfig responding = CommandResponderConfig.defaults();
        new CommandResponder(a, responding).start(a.rpc);
        new CommandResponder(b, responding).start(b.rpc);
        commands = new ClusterCommandService(b, audits::add, Clock.systemUTC(), CONFIG);
    }

    @AfterEach
    void endChildren() {
        try {
            members.forEach(TestMember::close);
        } finally {
            children.close();
        }
    }

    private ResultMessage send(Command command) {
        CompletableFuture<ResultMessage> result = commands.execute(
                new CommandRequest("c-" + audits.size(), command, "127.0.0.1:50000"), progress::add)
                .toCompletableFuture();
        assertThat(result).succeedsWithin(PATIENCE);
        return result.join();
    }

    @Test
    void restartsAChildOfAnotherMemberBackToRunning() {
        long before = a.child().pid();

        ResultMessage result = send(new RestartChild(a.name(), CHILD));

        assertThat(result).isEqualTo(ResultMessage.ok(result.id()));
        assertThat(a.child().state()).isEqualTo(SupervisorState.RUNNING);
        assertThat(a.child().pid()).isNotEqualTo(before);
        assertThat(b.child().pid()).as("b's own child is untouched").isNotNull();
        assertThat(audits).singleElement().isInstanceOfSatisfying(CommandAudit.class, audit -> {
            assertThat(audit.agent()).isEqualTo(b.name());
            assertThat(audit.client()).isEqualTo("127.0.0.1:50000");
            assertThat(audit.outcome()).isEqualTo(CommandOutcome.OK);
        });
    }

    @Test
    void stopsAndStartsAChildOfAnotherMember() {
        assertThat(send(new StopChild(a.name(), CHILD)).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(a.child().state()).isEqualTo(SupervisorState.STOPPED);

        ResultMessage again = send(new StopChild(a.name(), CHILD));
        assertThat(again.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(again.error()).contains(CHILD);

        assertThat(send(new StartChild(a.name(), CHILD)).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(a.child().state()).isEqualTo(SupervisorState.RUNNING);
    }

    @Test
    void actsOnItsOwnChildWithoutTheCluster() {
        assertThat(send(new RestartChild(b.name(), CHILD)).outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(b.child().state()).isEqualTo(SupervisorState.RUNNING);
        assertThat(b.child().restarts()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownChildAndAnUnknownMember() {
        ResultMessage noChild = send(new RestartChild(a.name(), "nope"));
        ResultMessage noMember = send(new RestartChild("ghost", CHILD));

        assertThat(noChild.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(noChild.error()).contains("member '" + a.name() + "' has no child named 'nope'");
        assertThat(noMember).isEqualTo(ResultMessage.notOk(noMember.id(), CommandOutcome.REJECTED,
                "no member named 'ghost'"));
    }

    @Test
    void timesOutNamingTheMemberWhenNoResponderRunsThere() {
        long before = c.child().pid();

        ResultMessage result = send(new RestartChild(c.name(), CHILD));

        assertThat(result.outcome()).isEqualTo(CommandOutcome.TIMEOUT);
        assertThat(result.error()).contains("member '" + c.name() + "' received the restart-child of child '"
                + CHILD + "' command but did not answer within 6000 ms");
        assertThat(c.child().pid()).isEqualTo(before);
    }

    @Test
    void streamsTheAcksAndResponsesOfAQueryAsTheyArrive() {
        for (TestMember member : members) {
            answerUptime(member);
        }
        SendQuery query = new SendQuery("uptime", Payload.ofText("please"), List.of(a.name(), c.name()), Map.of(),
                Duration.ofSeconds(3), true);

        ResultMessage result = send(query);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        QueryAnswers answers = (QueryAnswers) result.value();
        assertThat(answers.acks()).containsExactlyInAnyOrder(a.name(), c.name());
        assertThat(answers.responses()).containsExactlyInAnyOrder(
                new QueryResponse(a.name(), Payload.ofText("up on " + a.name())),
                new QueryResponse(c.name(), Payload.ofText("up on " + c.name())));
        assertThat(progress).hasSize(4)
                .filteredOn(CommandProgress.QueryResponse.class::isInstance)
                .extracting(step -> ((CommandProgress.QueryResponse) step).from())
                .containsExactlyElementsOf(answers.responses().stream().map(QueryResponse::from).toList());
    }

    private void answerUptime(TestMember member) {
        member.rpc.stream(StreamFilter.query("uptime"), new StreamCallback<>() {
            @Override
            public void onNext(StreamEvent event) {
                if (event instanceof StreamEvent.QueryEvent asked) {
                    member.rpc.respond(asked, ("up on " + member.name()).getBytes(StandardCharsets.UTF_8));
                }
            }
        });
    }

    @Test
    void firesAnEventEveryMemberHearsAndRefusesAnOversizedOne() {
        List<String> heard = new CopyOnWriteArrayList<>();
        a.rpc.stream(StreamFilter.user("deploy"), new StreamCallback<>() {
            @Override
            public void onNext(StreamEvent event) {
                if (event instanceof StreamEvent.UserEvent user) {
                    heard.add(new String(user.payload(), StandardCharsets.UTF_8));
                }
            }
        });

        ResultMessage tooLarge = send(new TriggerEvent("deploy", Payload.of(new byte[500]), false));
        ResultMessage fired = send(new TriggerEvent("deploy", Payload.ofText("v1.2"), false));

        assertThat(tooLarge.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(tooLarge.error()).contains("UserEventSizeLimit of 512 bytes", "at most 468 bytes, it is 500");
        assertThat(fired.outcome()).isEqualTo(CommandOutcome.OK);
        await("a hears the event").atMost(PATIENCE).until(() -> heard.contains("v1.2"));
        assertThat(heard).containsExactly("v1.2");
    }

    @Test
    void makesAnotherMemberLeaveAfterItAnswered() {
        ResultMessage result = send(new LeaveMember(a.name()));

        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        cluster.awaitStatus(b.agent, a.name(), "left");
        assertThat(a.child().state()).isEqualTo(SupervisorState.STOPPED);
    }

    @Test
    void forcesOutOnlyAFailedMember() throws Exception {
        ResultMessage alive = send(new ForceLeave(c.name(), true));
        assertThat(alive.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(alive.error()).contains("member '" + c.name() + "' is alive");

        c.agent.process().kill();
        cluster.awaitStatus(b.agent, c.name(), "failed");
        ResultMessage failed = send(new ForceLeave(c.name(), false));

        assertThat(failed.outcome()).isEqualTo(CommandOutcome.OK);
        cluster.awaitStatus(b.agent, c.name(), "left");
        cluster.awaitStatus(a.agent, c.name(), "left");

        assertThat(send(new ForceLeave(c.name(), true)).outcome()).isEqualTo(CommandOutcome.OK);
        await("c is pruned from b's list").atMost(PATIENCE)
                .until(() -> memberNamed(b, c.name()).isEmpty());
        assertThat(send(new ForceLeave(c.name(), false)).error()).isEqualTo("no member named '" + c.name() + "'");
    }

    private static Optional<Member> memberNamed(TestMember observer, String name) {
        return observer.members().stream().filter(member -> member.name().equals(name)).findFirst();
    }
}
