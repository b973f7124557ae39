package io.serfnode.agent.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.supervisor.ChildCommandResult;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandResponderTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FakeLocalMember db = new FakeLocalMember("db-1", "postgres");
    private final AtomicLong ltimes = new AtomicLong(40);
    private CommandResponder responder;

    @BeforeEach
    void start() {
        responder = new CommandResponder(db, CommandResponderConfig.defaults().withMaxWait(Duration.ofSeconds(2)));
        responder.start(db.rpc);
    }

    private StreamEvent.QueryEvent deliver(byte[] payload) {
        StreamEvent.QueryEvent query = new StreamEvent.QueryEvent(ltimes.get(), ltimes.getAndIncrement(),
                "serfnode.cmd", payload);
        db.rpc.subscriptions.getFirst().callback().onNext(query);
        return query;
    }

    private StreamEvent.QueryEvent deliver(RelayRequest request) {
        return deliver(RelayCodec.encodeRequest(request));
    }

    private static RelayRequest command(String kind, String member, String child, String request, long waitMs) {
        return new RelayRequest(RelayCodec.VERSION, kind, member, child, request, waitMs);
    }

    private RelayAnswer answerTo(StreamEvent.QueryEvent query) throws RelayPayloadException {
        await("an answer to query " + query.ltime()).atMost(PATIENCE)
                .until(() -> db.rpc.responses.stream().anyMatch(response -> response.query().equals(query)));
        byte[] payload = db.rpc.responses.stream().filter(response -> response.query().equals(query)).findFirst()
                .orElseThrow().payload();
        return RelayCodec.decodeAnswer(payload);
    }

    @Test
    void listensOnlyToTheCommandQuery() {
        assertThat(db.rpc.subscriptions).singleElement()
                .satisfies(subscription -> assertThat(subscription.filter().wire()).isEqualTo("query:serfnode.cmd"));
    }

    @Test
    void carriesOutARelayedRestartAndAnswersWithTheSupervisorsOutcome() throws Exception {
        RelayAnswer answer = answerTo(deliver(command("restart-child", "db-1", "postgres", "r1", 5000)));

        assertThat(answer).isEqualTo(RelayAnswer.of(CommandOutcome.OK, "child 'postgres' is RUNNING",
                SupervisorState.RUNNING));
        assertThat(db.supervisor.calls).containsExactly("restart postgres");
    }

    @Test
    void answersTheSupervisorsRefusalOfAnUnknownChild() throws Exception {
        RelayAnswer answer = answerTo(deliver(command("start-child", "db-1", "redis", "r1", 5000)));

        assertThat(answer.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(answer.message()).isEqualTo("member 'db-1' has no child named 'redis'; it has [postgres]");
    }

    @Test
    void carriesOutARepeatedRequestOnlyOnce() throws Exception {
        answerTo(deliver(command("stop-child", "db-1", "postgres", "r1", 5000)));
        RelayAnswer again = answerTo(deliver(command("stop-child", "db-1", "postgres", "r1", 5000)));
        answerTo(deliver(command("stop-child", "db-1", "postgres", "r2", 5000)));

        assertThat(again.outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(db.supervisor.calls).containsExactly("stop postgres", "stop postgres");
    }

    @Test
    void answersWithWhatIsKnownWhenTheChildNeedsLongerThanTheAskerAllows() throws Exception {
        db.supervisor.answerAtOnce = false;

        RelayAnswer answer = answerTo(deliver(command("restart-child", "db-1", "postgres", "r1", 200)));

        assertThat(answer.outcome()).isEqualTo(CommandOutcome.TIMEOUT);
        assertThat(answer.state()).isEqualTo(SupervisorState.STOPPING);
        assertThat(answer.message()).contains("Restart of child 'postgres' on member 'db-1' is still under way after "
                + "200 ms (the child is STOPPING now)");

        // the repeated request finds the restart finished meanwhile
        db.supervisor.pending.get("restart postgres").complete(ChildCommandResult.ok("postgres",
                SupervisorState.RUNNING, "child 'postgres' is running"));
        RelayAnswer later = answerTo(deliver(command("restart-child", "db-1", "postgres", "r1", 200)));
        assertThat(later.outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(db.supervisor.calls).containsExactly("restart postgres");
    }

    @Test
    void waitsNoLongerThanItsOwnMaximumWhateverTheAskerAllows() throws Exception {
        db.supervisor.answerAtOnce = false;

        RelayAnswer answer = answerTo(deliver(command("restart-child", "db-1", "postgres", "r1", 3_600_000)));

        assertThat(answer.message()).contains("still under way after 2000 ms");
    }

    @Test
    void refusesACommandMeantForAnotherMember() throws Exception {
        RelayAnswer answer = answerTo(deliver(command("restart-child", "db-2", "postgres", "r1", 5000)));

        assertThat(answer.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(answer.message()).isEqualTo("the restart-child command for member 'db-2' reached member 'db-1', "
                + "which does not act for it");
        assertThat(db.supervisor.calls).isEmpty();
    }

    @Test
    void refusesAnUnreadableCommandSayingWhatIsWrong() throws Exception {
        RelayAnswer garbage = answerTo(deliver("restart everything".getBytes(StandardCharsets.UTF_8)));
        RelayAnswer newer = answerTo(deliver(new RelayRequest(2, "restart-child", "db-1", "postgres", "r1", 5000L)));
        RelayAnswer unknownKind = answerTo(deliver(command("reboot", "db-1", null, "r1", 5000)));

        assertThat(garbage.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(garbage.message()).startsWith("member 'db-1' could not read the command: the command is not a "
                + "serfnode.cmd command");
        assertThat(newer.message()).contains("serfnode.cmd version 2, this member reads version 1");
        assertThat(unknownKind.message()).contains("cannot carry out 'reboot' commands");
        assertThat(db.supervisor.calls).isEmpty();
    }

    @Test
    void answersALeaveAndThenLeavesOnce() throws Exception {
        db.onLeave = () -> assertThat(db.rpc.responses).as("answered before leaving").isNotEmpty();

        RelayAnswer answer = answerTo(deliver(command("leave-member", "db-1", null, "r1", 5000)));
        answerTo(deliver(command("leave-member", "db-1", null, "r1", 5000)));

        assertThat(answer).isEqualTo(RelayAnswer.of(CommandOutcome.OK, "member 'db-1' is leaving the cluster", null));
        await().atMost(PATIENCE).until(() -> db.leaves.get() == 1);
        assertThat(db.leaves).hasValue(1);
    }
}
