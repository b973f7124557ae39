package io.serfnode.agent.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.api.CommandProgress;
import io.serfnode.agent.api.CommandRequest;
import io.serfnode.agent.serf.rpc.QueryRecord;
import io.serfnode.agent.serf.rpc.SerfConnectionLostException;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.Command;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponse;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.StopChild;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.agent.cluster.view.LocalView;
import io.serfnode.agent.cluster.view.ViewQueryCodec;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.CommandAudit;
import io.serfnode.model.wire.ResultMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClusterCommandServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");

    private final FakeLocalMember local = new FakeLocalMember("web-1", "nginx", "worker");
    private final List<ClusterEvent> audits = new CopyOnWriteArrayList<>();
    private final List<CommandProgress> progress = new CopyOnWriteArrayList<>();
    private CommandServiceConfig config = CommandServiceConfig.defaults()
            .withAnswerMargin(Duration.ofMillis(300))
            .withRelayTimeout(Duration.ofMillis(600))
            .withQueryGrace(Duration.ofMillis(300));

    private ClusterCommandService service() {
        return new ClusterCommandService(local, audits::add, Clock.fixed(NOW, ZoneOffset.UTC), config);
    }

    private ResultMessage run(Command command) {
        CompletableFuture<ResultMessage> result = service()
                .execute(new CommandRequest("c-1", command, "127.0.0.1:53422"), progress::add)
                .toCompletableFuture();
        assertThat(result).succeedsWithin(PATIENCE);
        return result.join();
    }

    private static void assertNotOk(ResultMessage result, CommandOutcome outcome, String... phrases) {
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.value()).isNull();
        assertThat(result.error()).contains(phrases);
    }

    /** Answers every serfnode.cmd query as the target's responder would, and remembers what it was asked. */
    private AtomicReference<RelayRequest> answerRelays(RelayAnswer answer) {
        AtomicReference<RelayRequest> asked = new AtomicReference<>();
        local.rpc.onQuery = (query, callback) -> {
            try {
                asked.set(RelayCodec.decodeRequest(query.payload()));
            } catch (RelayPayloadException e) {
                throw new AssertionError(e);
            }
            String target = query.filterNodes().getFirst();
            callback.onNext(new QueryRecord.Ack(target));
            callback.onNext(new QueryRecord.Response(target,
                    RelayCodec.encodeAnswer(answer, target, 7, SerfLimits.DEFAULTS)));
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };
        return asked;
    }

    // trigger-event

    @Test
    void firesAUserEventWithItsPayloadAndCoalesceFlag() {
        ResultMessage result = run(new TriggerEvent("deploy", Payload.ofText("{\"version\":\"1.2\"}"), true));

        assertThat(result).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(local.rpc.events).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("deploy");
            assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"1.2\"}");
            assertThat(event.coalesce()).isTrue();
        });
    }

    @Test
    void refusesAnOversizedEventNamingItsSizeTheLimitAndTheLargestPayloadWithoutSendingIt() {
        ResultMessage result = run(new TriggerEvent("deploy", Payload.of(new byte[600]), false));

        assertNotOk(result, CommandOutcome.REJECTED, "event 'deploy' is too large for serf", "606 bytes",
                "UserEventSizeLimit of 512 bytes", "the payload may be at most 468 bytes, it is 600");
        assertThat(local.rpc.events).isEmpty();
    }

    @Test
    void reportsAnEventSerfDidNotSendAsFailed() {
        local.rpc.failEvents = new SerfConnectionLostException("the agent closed the connection", null);

        ResultMessage result = run(new TriggerEvent("deploy", Payload.EMPTY, false));

        assertNotOk(result, CommandOutcome.FAILED, "serf did not send event 'deploy'", "closed the connection");
    }

    @Test
    void reportsAnUnreachableSerfAgentAsFailed() {
        local.rpcUnavailable = new IllegalStateException("serf is not connected");

        ResultMessage result = run(new TriggerEvent("deploy", Payload.EMPTY, false));

        assertNotOk(result, CommandOutcome.FAILED, "web-1", "trigger-event", "serf is not connected");
    }

    // spawn-member

    @Test
    void answersSpawnMemberWithThePlainRefusalAndNothingElse() {
        ResultMessage result = run(SpawnMember.fromTemplate("web"));

        assertThat(result).isEqualTo(ResultMessage.notOk("c-1", CommandOutcome.REJECTED,
                "spawn-member is not available in this version of the agent"));
        assertThat(local.rpc.queries).isEmpty();
        assertThat(local.rpc.events).isEmpty();
    }

    // child commands on this member

    @Test
    void restartsAChildOfThisMemberThroughItsSupervisor() {
        ResultMessage result = run(new RestartChild("web-1", "nginx"));

        assertThat(result).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(local.supervisor.calls).containsExactly("restart nginx");
        assertThat(local.rpc.queries).isEmpty();
    }

    @Test
    void passesOnTheSupervisorsRefusalOfAnUnknownChild() {
        ResultMessage result = run(new StopChild("web-1", "redis"));

        assertNotOk(result, CommandOutcome.REJECTED, "member 'web-1' has no child named 'redis'");
    }

    @Test
    void answersWithWhatIsKnownWhenARestartTakesLongerThanTheWait() {
        local.supervisor.answerAtOnce = false;

        ResultMessage result = run(new RestartChild("web-1", "nginx"));

        assertNotOk(result, CommandOutcome.TIMEOUT, "Restart of child 'nginx' on member 'web-1' is still under way",
                "after 300 ms", "STOPPING", "supervisor-state events");
    }

    // child commands on other members

    @Test
    void refusesAChildCommandForAMemberNobodyKnows() {
        ResultMessage result = run(new RestartChild("db-9", "postgres"));

        assertThat(result).isEqualTo(ResultMessage.notOk("c-1", CommandOutcome.REJECTED, "no member named 'db-9'"));
        assertThat(local.rpc.queries).isEmpty();
    }

    @Test
    void refusesAChildCommandForAMemberThatFailedOrLeft() {
        local.with("db-1", MemberStatus.FAILED).with("db-2", MemberStatus.LEFT);

        assertNotOk(run(new RestartChild("db-1", "postgres")), CommandOutcome.REJECTED,
                "member 'db-1' has failed", "restart-child");
        assertNotOk(run(new RestartChild("db-2", "postgres")), CommandOutcome.REJECTED,
                "member 'db-2' has left the cluster");
        assertThat(local.rpc.queries).isEmpty();
    }

    @Test
    void relaysAChildCommandToTheOtherMemberOnlyWithAnAcknowledgedQuery() {
        local.with("db-1", MemberStatus.ALIVE);
        AtomicReference<RelayRequest> asked = answerRelays(RelayAnswer.of(CommandOutcome.OK, "child 'postgres' is "
                + "running", SupervisorState.RUNNING));

        ResultMessage result = run(new RestartChild("db-1", "postgres"));

        assertThat(result).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(local.rpc.queries).singleElement().satisfies(query -> {
            assertThat(query.name()).isEqualTo("serfnode.cmd");
            assertThat(query.filterNodes()).containsExactly("db-1");
            assertThat(query.filterTags()).isEmpty();
            assertThat(query.requestAck()).isTrue();
            assertThat(query.timeout()).isEqualTo(Duration.ofMillis(600));
        });
        assertThat(asked.get().kind()).isEqualTo("restart-child");
        assertThat(asked.get().member()).isEqualTo("db-1");
        assertThat(asked.get().child()).isEqualTo("postgres");
        assertThat(asked.get().waitMs()).isEqualTo(300L);
        assertThat(local.rpc.queryClosed).as("the query is ended once the answer is in").isTrue();
        assertThat(local.supervisor.calls).isEmpty();
    }

    @Test
    void passesOnTheOtherMembersRefusal() {
        local.with("db-1", MemberStatus.ALIVE);
        answerRelays(RelayAnswer.rejected("member 'db-1' has no child named 'redis'; it has [postgres]"));

        ResultMessage result = run(new StopChild("db-1", "redis"));

        assertThat(result).isEqualTo(ResultMessage.notOk("c-1", CommandOutcome.REJECTED,
                "member 'db-1' has no child named 'redis'; it has [postgres]"));
    }

    @Test
    void asksAgainUnderTheSameRequestWhenNothingComesBackThenTimesOutNamingTheMember() {
        local.with("db-1", MemberStatus.ALIVE);

        ResultMessage result = run(new RestartChild("db-1", "postgres"));

        assertNotOk(result, CommandOutcome.TIMEOUT, "member 'db-1' did not answer the restart-child of child "
                + "'postgres' command within 600 ms (asked 2 times)");
        assertThat(local.rpc.queries).hasSize(2);
        assertThat(local.rpc.queries.get(0).payload()).isEqualTo(local.rpc.queries.get(1).payload());
    }

    @Test
    void reportsAMemberThatAcknowledgedButNeverAnsweredWithoutAskingAgain() {
        local.with("db-1", MemberStatus.ALIVE);
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Ack("db-1"));
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };

        ResultMessage result = run(new RestartChild("db-1", "postgres"));

        assertNotOk(result, CommandOutcome.TIMEOUT, "member 'db-1' received the restart-child of child 'postgres' "
                + "command but did not answer within 600 ms", "plain serf agent");
        assertThat(local.rpc.queries).hasSize(1);
    }

    @Test
    void stopsWaitingWhenSerfNeverEndsTheQuery() {
        local.with("db-1", MemberStatus.ALIVE);
        config = config.withRelayAttempts(1);
        local.rpc.onQuery = (query, callback) -> callback.onNext(new QueryRecord.Ack("db-1"));

        ResultMessage result = run(new RestartChild("db-1", "postgres"));

        assertNotOk(result, CommandOutcome.TIMEOUT, "member 'db-1' received");
        assertThat(local.rpc.queryClosed).isTrue();
    }

    @Test
    void reportsAnUnreadableAnswerAsFailed() {
        local.with("db-1", MemberStatus.ALIVE);
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Response("db-1", "pong".getBytes(StandardCharsets.UTF_8)));
            callback.onComplete();
        };

        ResultMessage result = run(new RestartChild("db-1", "postgres"));

        assertNotOk(result, CommandOutcome.FAILED, "member 'db-1' answered the restart-child of child 'postgres' "
                + "command with something this member cannot read");
    }

    @Test
    void ignoresAnswersFromMembersItDidNotAsk() {
        local.with("db-1", MemberStatus.ALIVE);
        config = config.withRelayAttempts(1);
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Response("intruder", RelayCodec.encodeAnswer(RelayAnswer.of(
                    CommandOutcome.OK, "done", null), "intruder", 1, SerfLimits.DEFAULTS)));
            callback.onComplete();
        };

        assertNotOk(run(new RestartChild("db-1", "postgres")), CommandOutcome.TIMEOUT, "member 'db-1' did not answer");
    }

    // leave-member

    @Test
    void leavesOnlyOnceTheResultIsOut() {
        AtomicBoolean answeredFirst = new AtomicBoolean();
        ClusterCommandService service = service();
        AtomicReference<CompletableFuture<ResultMessage>> result = new AtomicReference<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        local.onLeave = () -> {
            started.join();
            answeredFirst.set(result.get().isDone());
        };

        result.set(service.execute(new CommandRequest("c-8", new LeaveMember("web-1"), "127.0.0.1:1"), p -> { })
                .toCompletableFuture());
        started.complete(null);

        assertThat(result.get()).succeedsWithin(PATIENCE).isEqualTo(ResultMessage.ok("c-8"));
        await().atMost(PATIENCE).until(() -> local.leaves.get() == 1);
        assertThat(answeredFirst).isTrue();
    }

    @Test
    void relaysLeaveMemberToTheMemberThatMustLeave() {
        local.with("web-2", MemberStatus.ALIVE);
        AtomicReference<RelayRequest> asked = answerRelays(RelayAnswer.of(CommandOutcome.OK, "leaving", null));

        ResultMessage result = run(new LeaveMember("web-2"));

        assertThat(result).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(asked.get().kind()).isEqualTo("leave-member");
        assertThat(asked.get().child()).isNull();
        assertThat(local.leaves).hasValue(0);
    }

    @Test
    void refusesToMakeAMemberThatAlreadyLeftLeave() {
        local.with("web-2", MemberStatus.LEFT);

        assertNotOk(run(new LeaveMember("web-2")), CommandOutcome.REJECTED, "member 'web-2' has left the cluster");
        assertThat(run(new LeaveMember("db-9")).error()).isEqualTo("no member named 'db-9'");
    }

    // force-leave

    @Test
    void forcesAFailedMemberOut() {
        local.with("web-3", MemberStatus.FAILED);

        assertThat(run(new ForceLeave("web-3", false))).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(local.rpc.forcedLeaves).containsExactly(new FakeSerfRpc.ForcedLeave("web-3", false));
    }

    @Test
    void prunesAMemberThatLeftWhenAsked() {
        local.with("web-3", MemberStatus.LEFT);

        assertThat(run(new ForceLeave("web-3", true))).isEqualTo(ResultMessage.ok("c-1"));
        assertThat(local.rpc.forcedLeaves).containsExactly(new FakeSerfRpc.ForcedLeave("web-3", true));
    }

    @Test
    void refusesToForceAnAliveMemberOut() {
        local.with("web-2", MemberStatus.ALIVE);

        assertNotOk(run(new ForceLeave("web-2", true)), CommandOutcome.REJECTED, "member 'web-2' is alive",
                "splits the cluster", "use leave-member");
        assertNotOk(run(new ForceLeave("web-1", false)), CommandOutcome.REJECTED, "member 'web-1' is alive");
        assertThat(local.rpc.forcedLeaves).isEmpty();
    }

    @Test
    void refusesToForceOutAMemberNobodyKnows() {
        assertThat(run(new ForceLeave("ghost", false))).isEqualTo(ResultMessage.notOk("c-1", CommandOutcome.REJECTED,
                "no member named 'ghost'"));
        assertThat(local.rpc.forcedLeaves).isEmpty();
    }

    @Test
    void reportsAForceLeaveSerfRefusedAsFailed() {
        local.with("web-3", MemberStatus.FAILED);
        local.rpc.failForceLeave = new IllegalStateException("timed out broadcasting node removal");

        assertNotOk(run(new ForceLeave("web-3", false)), CommandOutcome.FAILED, "serf did not force member 'web-3' "
                + "out", "timed out broadcasting");
    }

    // query

    @Test
    void streamsEachAckAndResponseAsItArrivesThenAnswersWithAllOfThem() {
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Ack("web-1"));
            callback.onNext(new QueryRecord.Response("web-1", "up 3 days".getBytes(StandardCharsets.UTF_8)));
            callback.onNext(new QueryRecord.Ack("web-2"));
            callback.onNext(new QueryRecord.Response("web-2", null));
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };
        SendQuery query = new SendQuery("uptime", Payload.ofText("now"), List.of("web-1", "web-2"),
                Map.of("role", "web.*"), Duration.ofMillis(2500), true);

        ResultMessage result = run(query);

        assertThat(progress).containsExactly(
                new CommandProgress.QueryAck("c-1", "web-1"),
                new CommandProgress.QueryResponse("c-1", "web-1", Payload.ofText("up 3 days")),
                new CommandProgress.QueryAck("c-1", "web-2"),
                new CommandProgress.QueryResponse("c-1", "web-2", Payload.EMPTY));
        assertThat(result).isEqualTo(ResultMessage.ok("c-1", new QueryAnswers(List.of("web-1", "web-2"), List.of(
                new QueryResponse("web-1", Payload.ofText("up 3 days")), new QueryResponse("web-2", Payload.EMPTY)))));
        assertThat(local.rpc.queries).singleElement().satisfies(sent -> {
            assertThat(sent.name()).isEqualTo("uptime");
            assertThat(sent.payload()).isEqualTo("now".getBytes(StandardCharsets.UTF_8));
            assertThat(sent.filterNodes()).containsExactly("web-1", "web-2");
            assertThat(sent.filterTags()).containsExactly(Map.entry("role", "web.*"));
            assertThat(sent.timeout()).isEqualTo(Duration.ofMillis(2500));
            assertThat(sent.requestAck()).isTrue();
        });
    }

    @Test
    void leavesTheTimeoutOfAQueryWithoutOneToSerf() {
        run(SendQuery.toAll("uptime", Payload.EMPTY));

        assertThat(local.rpc.queries).singleElement()
                .satisfies(sent -> assertThat(sent.timeout()).isEqualTo(Duration.ZERO));
    }

    @Test
    void refusesAnOversizedQueryWithoutSendingIt() {
        ResultMessage result = run(SendQuery.toAll("uptime", Payload.of(new byte[1000])));

        assertNotOk(result, CommandOutcome.REJECTED, "query 'uptime' is too large for serf",
                "QuerySizeLimit of 1024 bytes");
        assertThat(local.rpc.queries).isEmpty();
    }

    @Test
    void reportsAQueryThatBrokeOffAsFailed() {
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Response("web-1", new byte[] {1}));
            callback.onError(new SerfConnectionLostException("the agent closed the connection", null));
        };

        assertNotOk(run(SendQuery.toAll("uptime", Payload.EMPTY)), CommandOutcome.FAILED,
                "query 'uptime' broke off after 1 answer(s)", "closed the connection");
    }

    @Test
    void answersWithWhatCameWhenSerfNeverEndsTheQuery() {
        local.rpc.onQuery = (query, callback) -> callback.onNext(new QueryRecord.Response("web-1", new byte[] {1}));

        ResultMessage result = run(SendQuery.toAll("uptime", Payload.EMPTY).withTimeout(Duration.ofMillis(100)));

        assertThat(result.value()).isEqualTo(new QueryAnswers(List.of(),
                List.of(new QueryResponse("web-1", Payload.of(new byte[] {1})))));
        assertThat(local.rpc.queryClosed).isTrue();
    }

    @Test
    void keepsCollectingWhenTheProgressListenerFails() {
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Ack("web-1"));
            callback.onNext(new QueryRecord.Ack("web-2"));
            callback.onComplete();
        };

        CompletableFuture<ResultMessage> result = service().execute(new CommandRequest("c-2",
                        SendQuery.toAll("uptime", Payload.EMPTY).withRequestAck(true), "127.0.0.1:1"),
                step -> {
                    throw new IllegalStateException("socket closed");
                }).toCompletableFuture();

        assertThat(result).succeedsWithin(PATIENCE)
                .isEqualTo(ResultMessage.ok("c-2", new QueryAnswers(List.of("web-1", "web-2"), List.of())));
    }

    // view-check

    private static byte[] view(String responder, LocalView view) {
        return ViewQueryCodec.withDefaultLimits().encodeAnswer(responder, 3, view);
    }

    @Test
    void groupsTheMembersByTheViewTheyAnswerWith() {
        local.with("web-2", MemberStatus.ALIVE).with("db-1", MemberStatus.FAILED);
        LocalView webSide = new LocalView("aaaa", 2, 1, 0, List.of("db-1"));
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Response("web-1", view("web-1", webSide)));
            callback.onNext(new QueryRecord.Response("web-2", view("web-2", webSide)));
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };

        ResultMessage result = run(new ViewCheck(Duration.ofMillis(500)));

        assertThat(result).isEqualTo(ResultMessage.ok("c-1", new ViewReport(List.of(
                new ViewGroup("aaaa", List.of("web-1", "web-2"), 2, 1, 0, List.of("db-1"))), List.of("db-1"))));
        assertThat(local.rpc.queries).singleElement().satisfies(sent -> {
            assertThat(sent.name()).isEqualTo("serfnode.view");
            assertThat(sent.filterNodes()).isEmpty();
            assertThat(sent.timeout()).isEqualTo(Duration.ofMillis(500));
        });
    }

    @Test
    void asksSilentAliveMembersAgainOnTheirOwnBeforeCallingThemNoAnswer() {
        local.with("web-2", MemberStatus.ALIVE).with("web-3", MemberStatus.ALIVE).with("db-1", MemberStatus.FAILED);
        LocalView all = new LocalView("aaaa", 3, 1, 0, List.of("db-1"));
        local.rpc.onQuery = (query, callback) -> {
            if (query.filterNodes().isEmpty()) {
                callback.onNext(new QueryRecord.Response("web-1", view("web-1", all)));
            } else {
                // the second round: web-2's answer comes, web-3 stays silent
                callback.onNext(new QueryRecord.Response("web-2", view("web-2", all)));
            }
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };

        ViewReport report = (ViewReport) run(ViewCheck.withDefaults()).value();

        assertThat(local.rpc.queries).hasSize(2);
        assertThat(local.rpc.queries.get(1).filterNodes()).containsExactly("web-2", "web-3");
        assertThat(report.agree()).isTrue();
        assertThat(report.groups()).singleElement()
                .satisfies(group -> assertThat(group.members()).containsExactly("web-1", "web-2"));
        assertThat(report.noAnswer()).containsExactly("db-1", "web-3");
    }

    @Test
    void countsAnUnreadableAnswerAsNoAnswer() {
        local.with("web-2", MemberStatus.ALIVE);
        local.rpc.onQuery = (query, callback) -> {
            callback.onNext(new QueryRecord.Response("web-1", view("web-1", new LocalView("aaaa", 2, 0, 0, List.of()))));
            callback.onNext(new QueryRecord.Response("web-2", "garbage".getBytes(StandardCharsets.UTF_8)));
            callback.onNext(new QueryRecord.Done());
            callback.onComplete();
        };

        ViewReport report = (ViewReport) run(new ViewCheck(Duration.ofMillis(200))).value();

        assertThat(report.groups()).singleElement()
                .satisfies(group -> assertThat(group.members()).containsExactly("web-1"));
        assertThat(report.noAnswer()).containsExactly("web-2");
    }

    @Test
    void doesNotRecordViewChecksAsAuditEvents() {
        run(new ViewCheck(Duration.ofMillis(100)));

        assertThat(audits).isEmpty();
    }

    @Test
    void failsAViewCheckWhenSerfCannotBeReached() {
        local.rpcUnavailable = new SerfConnectionLostException("serf is restarting", null);

        assertNotOk(run(ViewCheck.withDefaults()), CommandOutcome.FAILED, "could not carry out view-check",
                "serf is restarting");
    }

    // audit

    @Test
    void recordsEveryCommandAsOneAuditEventWithWhoWhatAndHowItEnded() {
        LeaveMember leave = new LeaveMember("db-9");
        TriggerEvent event = new TriggerEvent("deploy", Payload.EMPTY, false);

        run(leave);
        run(event);

        assertThat(audits).containsExactly(
                new CommandAudit(NOW, "web-1", "127.0.0.1:53422", "c-1", leave, CommandOutcome.REJECTED,
                        "no member named 'db-9'"),
                new CommandAudit(NOW, "web-1", "127.0.0.1:53422", "c-1", event, CommandOutcome.OK, null));
    }

    @Test
    void answersEvenWhenTheAuditSinkFails() {
        ClusterCommandService service = new ClusterCommandService(local, audit -> {
            throw new IllegalStateException("bus closed");
        }, Clock.systemUTC(), config);

        assertThat(service.execute(new CommandRequest("c-3", new TriggerEvent("deploy", Payload.EMPTY, false),
                "127.0.0.1:1"), p -> { }).toCompletableFuture()).succeedsWithin(PATIENCE)
                .isEqualTo(ResultMessage.ok("c-3"));
    }
}
