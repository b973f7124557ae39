package io.serfnode.console.connection;

import static io.serfnode.console.connection.Events.event;
import static io.serfnode.console.connection.Events.sequenced;
import static io.serfnode.console.connection.Events.transition;
import static io.serfnode.console.connection.Events.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.ConnectionStatus.Phase;
import io.serfnode.console.session.ReconnectPolicy;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorCode;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.Peer;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketClusterSessionTest {
    private static final URI WEB = URI.create("ws://127.0.0.11:7800/v1/cluster");
    private static final URI DB = URI.create("ws://127.0.0.12:7800/v1/cluster");
    private static final List<Peer> PEERS = List.of(new Peer("web-1", "127.0.0.11:7800"), new Peer("db-1", "127.0.0.12:7800"));
    private static final ReconnectPolicy QUICK = new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 1);

    private final FakeTransport transport = new FakeTransport();
    private final WebSocketClusterSession session = new WebSocketClusterSession(transport);
    private final RecordingSessionListener listener = new RecordingSessionListener();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void authenticatesFirstAndSubscribesAfterTheWelcome() {
        open();
        FakeTransport.FakeConnection web = connection(1);
        assertThat(web.received()).containsExactly(new AuthMessage("token-1"));

        web.serverSends(new WelcomeMessage("web-1", "s1", PEERS));

        await().until(() -> web.received().size() == 2);
        assertThat(web.received().get(1)).isEqualTo(ResumeMessage.fresh());
        await().until(() -> listener.lastStatus().phase() == Phase.CONNECTED);
        assertThat(listener.lastStatus().detail()).isEqualTo("connected to web-1");
    }

    @Test
    void deliversTheSnapshotWithItsWelcomeThenEventsInOrder() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");

        web.serverSends(new SnapshotMessage(3, List.of(), Map.of(), List.of()));
        web.serverSends(event(4, userEvent("a")));
        web.serverSends(event(5, userEvent("b")));

        await().until(() -> listener.events().size() == 2);
        assertThat(listener.snapshots()).singleElement().satisfies(s -> assertThat(s.welcome().agent()).isEqualTo("web-1"));
        assertThat(listener.events()).extracting(SequencedEvent::seq).containsExactly(4L, 5L);
    }

    @Test
    void deliversEveryEventTheAgentSentBeforeTheConnectionBroke() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        web.serverSends(new SnapshotMessage(0, List.of(), Map.of(), List.of()));

        for (int seq = 1; seq <= 1_000; seq++) {
            web.serverSends(event(seq, userEvent("e" + seq)));
        }
        web.breaks();

        await().until(() -> listener.events().size() == 1_000);
        assertThat(listener.events()).extracting(SequencedEvent::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1_000).boxed().toList());
        await().until(() -> transport.connections.size() == 2);
        assertThat(connection(2).received()).first().isEqualTo(new AuthMessage("token-1"));
    }

    @Test
    void resumesTheSameAgentsStreamAfterADropAndDropsReplayedDuplicates() {
        open();
        FakeTransport.FakeConnection first = welcomed(connection(1), "s1");
        first.serverSends(new SnapshotMessage(3, List.of(), Map.of(), List.of()));
        first.serverSends(event(4, userEvent("a")));
        await().until(() -> listener.events().size() == 1);

        first.breaks();

        FakeTransport.FakeConnection second = welcomed(connection(2), "s1");
        assertThat(second.endpoint).isEqualTo(WEB);
        await().until(() -> second.received().size() == 2);
        assertThat(second.received().get(1)).isEqualTo(ResumeMessage.fromSeq("s1", 4));
        second.serverSends(event(4, userEvent("a")));
        second.serverSends(event(5, userEvent("b")));
        await().until(() -> listener.events().size() == 2);
        assertThat(listener.events()).extracting(SequencedEvent::seq).containsExactly(4L, 5L);
        assertThat(listener.statuses()).extracting(ConnectionStatus::detail)
                .contains("reconnecting to web-1 (attempt 1) …");
    }

    @Test
    void failsOverWithCountersAndDeliversEachTransitionOnce() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        web.serverSends(new SnapshotMessage(2, List.of(), Map.of(),
                List.of(sequenced(1, transition("db-1", 1)), sequenced(2, transition("db-1", 2)))));
        web.serverSends(event(3, transition("db-1", 3)));
        await().until(() -> listener.transitions().size() == 3);
        transport.refusing.add(WEB);

        web.breaks();

        FakeTransport.FakeConnection db = connection(2);
        assertThat(db.endpoint).isEqualTo(DB);
        db.serverSends(new WelcomeMessage("db-1", "s9", PEERS));
        await().until(() -> db.received().size() == 2);
        assertThat(db.received().get(1)).isEqualTo(ResumeMessage.fromCounters(Map.of("db-1", 3L)));
        // an agent may still hand back what the client has: the session keeps it out
        db.serverSends(new SnapshotMessage(20, List.of(), Map.of(),
                List.of(sequenced(19, transition("db-1", 3)), sequenced(20, transition("db-1", 4)))));
        db.serverSends(event(21, transition("db-1", 4)));
        db.serverSends(event(22, transition("db-1", 5)));
        await().until(() -> listener.transitions().size() == 5);
        assertThat(listener.transitions()).extracting(t -> t.counter()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(listener.statuses()).extracting(ConnectionStatus::detail)
                .contains("failing over via db-1 (attempt 2) …");
        await().until(() -> listener.lastStatus().phase() == Phase.CONNECTED);
        assertThat(listener.lastStatus().agent()).isEqualTo("db-1");
    }

    @Test
    void anAgentShuttingDownSendsTheSessionToAnotherMemberFirst() {
        session.open(ConnectionSettings.to(WEB, "token-1").withReconnect(QUICK.withAttemptsBeforeFailover(3)), listener);
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");

        web.agentCloses(1001);

        FakeTransport.FakeConnection next = connection(2);
        assertThat(next.endpoint).isEqualTo(DB);
        assertThat(transport.attempts).containsExactly(WEB, DB);
    }

    @Test
    void aGapInTheStreamReconnectsAndAsksForTheMissingEvents() {
        open();
        FakeTransport.FakeConnection first = welcomed(connection(1), "s1");
        first.serverSends(new SnapshotMessage(3, List.of(), Map.of(), List.of()));

        first.serverSends(event(6, userEvent("after-a-gap")));

        FakeTransport.FakeConnection second = welcomed(connection(2), "s1");
        await().until(() -> second.received().size() == 2);
        assertThat(second.received().get(1)).isEqualTo(ResumeMessage.fromSeq("s1", 3));
        assertThat(first.closedWith).isEqualTo(1000);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void aLaggedClientTakesTheFreshSnapshotThatFollows() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        web.serverSends(new SnapshotMessage(3, List.of(), Map.of(), List.of()));

        web.serverSends(new LaggedMessage(3, 1024));
        web.serverSends(new SnapshotMessage(2000, List.of(), Map.of(), List.of()));
        web.serverSends(event(2001, userEvent("live")));

        await().until(() -> listener.events().size() == 1);
        assertThat(listener.snapshots()).extracting(s -> s.snapshot().seq()).containsExactly(3L, 2000L);
    }

    @Test
    void aCommandGetsItsProgressAndItsSingleResultById() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        RecordingCommandListener first = new RecordingCommandListener();
        RecordingCommandListener second = new RecordingCommandListener();

        session.send(new RestartChild("web-1", "app"), first);
        session.send(new RestartChild("db-1", "app"), second);

        await().until(() -> commandIds(web).size() == 2);
        List<String> ids = commandIds(web);
        assertThat(ids).doesNotHaveDuplicates();
        web.serverSends(new ProgressMessage(ids.get(1), new StepProgress("stopping", null)));
        web.serverSends(ResultMessage.ok(ids.get(1)));
        web.serverSends(ResultMessage.notOk(ids.get(0), CommandOutcome.REJECTED, "no child named 'app'"));
        await().until(() -> first.ended() && second.ended());
        assertThat(second.progress).containsExactly(new StepProgress("stopping", null));
        assertThat(second.result.get().outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(first.result.get().error()).isEqualTo("no child named 'app'");
        assertThat(first.handle.get()).isNotNull();
    }

    @Test
    void aCommandTheAgentRefusesEndsWithItsError() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        RecordingCommandListener command = new RecordingCommandListener();
        session.send(new RestartChild("web-1", "app"), command);
        await().until(() -> commandIds(web).size() == 1);

        web.serverSends(ErrorMessage.of(ErrorCode.UNEXPECTED, "id in use", commandIds(web).getFirst()));

        await().until(command::ended);
        assertThat(command.error.get()).isInstanceOf(CommandRefusedException.class).hasMessageContaining("id in use");
    }

    @Test
    void aCommandPendingWhenTheConnectionDropsFailsInsteadOfHanging() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        RecordingCommandListener command = new RecordingCommandListener();
        session.send(new RestartChild("web-1", "app"), command);
        await().until(() -> commandIds(web).size() == 1);

        web.breaks();

        await().until(command::ended);
        assertThat(command.error.get()).isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("may or may not have taken effect");
        // a late answer on a new connection does not resurrect it
        FakeTransport.FakeConnection again = welcomed(connection(2), "s1");
        again.serverSends(ResultMessage.ok(commandIds(web).getFirst()));
        assertThat(command.result.get()).isNull();
    }

    @Test
    void aCommandWhileNotConnectedFailsAtOnce() {
        transport.refusing.add(WEB);
        session.open(ConnectionSettings.to(WEB, "token-1").withReconnect(QUICK.withInitialDelay(Duration.ofSeconds(30))),
                listener);
        RecordingCommandListener command = new RecordingCommandListener();

        session.send(new RestartChild("web-1", "app"), command);

        await().until(command::ended);
        assertThat(command.error.get()).hasMessageContaining("the command was not sent");
    }

    @Test
    void aRefusedTokenEndsTheSessionWithoutRetrying() {
        open();
        FakeTransport.FakeConnection web = connection(1);

        web.agentCloses(1008);

        await().until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(SessionRefusedException.class)
                .hasMessageContaining("refused the token");
        assertThat(listener.lastStatus().phase()).isEqualTo(Phase.FAILED);
        assertThat(transport.attempts).hasSize(1);
    }

    @Test
    void anAgentThatNeverAnswersEndsTheSessionWithAPlainError() {
        transport.refusing.add(WEB);

        open();

        await().until(() -> listener.error.get() != null);
        assertThat(listener.error.get()).isInstanceOf(SessionRefusedException.class)
                .hasMessageContaining("no agent answers at " + WEB).hasMessageContaining("Connection refused");
    }

    @Test
    void closeEndsTheSessionAndCompletesTheListener() {
        open();
        FakeTransport.FakeConnection web = welcomed(connection(1), "s1");
        RecordingCommandListener command = new RecordingCommandListener();
        session.send(new RestartChild("web-1", "app"), command);
        await().until(() -> commandIds(web).size() == 1);

        session.close();

        await().until(listener.completed::get);
        assertThat(command.error.get()).isInstanceOf(ConnectionLostException.class);
        assertThat(web.closedWith).isEqualTo(1000);
        assertThat(listener.lastStatus().phase()).isEqualTo(Phase.DISCONNECTED);
    }

    @Test
    void refusesAUrlThatIsNotAWebSocket() {
        assertThatThrownBy(() -> session.open(ConnectionSettings.to(URI.create("http://127.0.0.1:7800/v1/cluster"), "t"),
                listener)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws:// or wss://");
    }

    private void open() {
        session.open(ConnectionSettings.to(WEB, "token-1").withReconnect(QUICK), listener);
    }

    private FakeTransport.FakeConnection connection(int number) {
        await().until(() -> transport.connections.size() >= number);
        return transport.connections.get(number - 1);
    }

    private static FakeTransport.FakeConnection welcomed(FakeTransport.FakeConnection connection, String streamId) {
        await().until(() -> !connection.received().isEmpty());
        String agent = connection.endpoint.equals(DB) ? "db-1" : "web-1";
        connection.serverSends(new WelcomeMessage(agent, streamId, PEERS));
        await().until(() -> connection.received().size() >= 2);
        return connection;
    }

    private static List<String> commandIds(FakeTransport.FakeConnection connection) {
        return connection.received().stream().filter(CommandMessage.class::isInstance)
                .map(message -> ((CommandMessage) message).id()).toList();
    }
}
