package io.serfnode.agent.api.ws;

import static io.serfnode.agent.api.ws.DrivenCluster.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.QueryAckProgress;
import io.serfnode.model.command.QueryAnswers;
import io.serfnode.model.command.QueryResponseProgress;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SendQuery;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.AuthMessage;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.ErrorCode;
import io.serfnode.model.wire.ErrorMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.LaggedMessage;
import io.serfnode.model.wire.Peer;
import io.serfnode.model.wire.ProgressMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real WebSocket connections to a real server on 127.0.0.1. */
class WsServerIT {
    private static final String TOKEN = "s3cret-token";

    private final DrivenCluster cluster = new DrivenCluster("web-1",
            member("web-1", "127.0.0.1", "127.0.0.1:7800", MemberStatus.ALIVE),
            member("web-2", "127.0.0.2", "127.0.0.2:7800", MemberStatus.ALIVE),
            member("web-3", "127.0.0.3", "127.0.0.3:7800", MemberStatus.FAILED),
            member("plain", "127.0.0.4", null, MemberStatus.ALIVE));
    private final ScriptedCommands commands = new ScriptedCommands();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private WsServer server;

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private WsServer start(WsServerConfig config) throws IOException {
        server = WsServer.start(config, cluster, commands);
        opened.add(server);
        return server;
    }

    private WsServer start(WsLimits limits) throws IOException {
        return start(WsServerConfig.loopback(TOKEN).withLimits(limits));
    }

    private WsTestClient client() {
        return track(WsTestClient.connect(server.uri()));
    }

    private WsTestClient authenticated() {
        return track(WsTestClient.authenticated(server.uri(), TOKEN));
    }

    private WsTestClient track(WsTestClient client) {
        opened.add(client);
        return client;
    }

    // ------------------------------------------------------------------------------------ authentication

    @Test
    void welcomesAnAuthenticatedClientWithTheAlivePeersForFailover() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = client();

        client.send(new AuthMessage(TOKEN));
        WelcomeMessage welcome = client.next(WelcomeMessage.class);

        assertThat(welcome.agent()).isEqualTo("web-1");
        assertThat(welcome.streamId()).isEqualTo(server.streamId());
        assertThat(welcome.peers()).containsExactly(new Peer("web-1", server.advertisedAddress()),
                new Peer("web-2", "127.0.0.2:7800"));
        assertThat(server.uri().toString()).startsWith("ws://127.0.0.1:").endsWith("/v1/cluster");
    }

    @Test
    void closesWithPolicyViolationOnAWrongToken() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = client();

        client.send(new AuthMessage("guess"));

        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(client.hasReceived()).as("nothing is said to an unauthenticated client").isFalse();
    }

    @Test
    void closesWithPolicyViolationWhenNoAuthArrivesWithinFiveSeconds() throws Exception {
        start(WsLimits.DEFAULT);
        long started = System.nanoTime();
        WsTestClient client = client();

        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesACommandBeforeAuthentication() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = client();

        client.send(new CommandMessage("c-1", new RestartChild("web-1", "nginx")));

        assertThat(client.closeCode()).isEqualTo(1008);
        assertThat(commands.requests).isEmpty();
    }

    @Test
    void waitsLongerBeforeClosingOnEveryFurtherFailureFromTheSameAddress() throws Exception {
        start(WsLimits.DEFAULT.withAuthFailureDelays(Duration.ofMillis(400), Duration.ofSeconds(5)));
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            WsTestClient client = client();
            long sent = System.nanoTime();
            client.send(new AuthMessage("guess-" + attempt));
            assertThat(client.closeCode()).isEqualTo(1008);
            waits.add(Duration.ofNanos(System.nanoTime() - sent));
        }

        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(waits.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(1600));
        WsTestClient honest = authenticated();
        assertThat(honest.isClosed()).as("a right token still gets in").isFalse();
    }

    // ------------------------------------------------------------------------------------ event stream

    @Test
    void sendsASnapshotThenEveryLaterEventOnceInOrderWhileEventsKeepComing() throws Exception {
        start(WsLimits.DEFAULT.withRecentEvents(5));
        int total = 3000;
        CompletableFuture<Void> appending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                cluster.emitUserEvent("load", 10);
            }
        });
        List<WsTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WsTestClient client = authenticated();
            client.send(ResumeMessage.fresh());
            clients.add(client);
        }
        appending.get(60, TimeUnit.SECONDS);

        for (WsTestClient client : clients) {
            SnapshotMessage snapshot = client.next(SnapshotMessage.class);
            assertThat(snapshot.recentEvents()).extracting(SequencedEvent::seq)
                    .allSatisfy(seq -> assertThat(seq).isLessThanOrEqualTo(snapshot.seq()));
            long expected = snapshot.seq() + 1;
            while (expected <= total) {
                assertThat(client.next(EventMessage.class).seq()).isEqualTo(expected);
                expected++;
            }
        }
    }

    @Test
    void replaysTheMissedEventsToAClientThatResumesTheSameStream() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient first = authenticated();
        first.send(ResumeMessage.fresh());
        first.next(SnapshotMessage.class);
        for (int i = 0; i < 3; i++) {
            cluster.emitUserEvent("before", 1);
        }
        assertThat(first.next(EventMessage.class).seq()).isEqualTo(1);
        first.close();
        for (int i = 0; i < 4; i++) {
            cluster.emitUserEvent("missed", 1);
        }

        WsTestClient again = authenticated();
        again.send(ResumeMessage.fromSeq(server.streamId(), 1));
        cluster.emitUserEvent("live", 1);

        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seqs.add(again.next(EventMessage.class).seq());
        }
        assertThat(seqs).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void sendsASnapshotToAClientResumingFromTooFarBackOrFromAnotherStream() throws Exception {
        start(WsLimits.DEFAULT.withHistoryCapacity(10));
        for (int i = 0; i < 30; i++) {
            cluster.emitUserEvent("old", 1);
        }

        WsTestClient tooOld = authenticated();
        tooOld.send(ResumeMessage.fromSeq(server.streamId(), 5));
        WsTestClient otherStream = authenticated();
        otherStream.send(ResumeMessage.fromSeq("a-stream-of-another-agent", 29));

        for (WsTestClient client : List.of(tooOld, otherStream)) {
            SnapshotMessage snapshot = client.next(SnapshotMessage.class);
            assertThat(snapshot.seq()).isEqualTo(30);
            assertThat(snapshot.members()).hasSize(4);
        }
    }

    @Test
    void leavesOutTheTransitionsAFailingOverClientAlreadyHas() throws Exception {
        start(WsLimits.DEFAULT);
        for (long counter = 1; counter <= 4; counter++) {
            cluster.emit(new SupervisorStateChanged(Instant.now(), "web-2", "nginx", SupervisorState.STARTING,
                    SupervisorState.RUNNING, null, 1, counter));
        }
        cluster.emitUserEvent("deploy", 3);

        WsTestClient client = authenticated();
        client.send(ResumeMessage.fromCounters(Map.of("web-2", 2L)));
        SnapshotMessage snapshot = client.next(SnapshotMessage.class);

        assertThat(snapshot.recentEvents()).extracting(SequencedEvent::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void tellsASlowClientItLaggedAndResynchronisesItWhileAnotherKeepsUp() throws Exception {
        start(WsLimits.DEFAULT.withQueueLimit(16).withoutQueueGrace());
        WsTestClient slow = authenticated();
        slow.send(ResumeMessage.fresh());
        slow.next(SnapshotMessage.class);
        WsTestClient fast = authenticated();
        fast.send(ResumeMessage.fresh());
        fast.next(SnapshotMessage.class);
        slow.stopReading();

        int total = 2000;
        // paced by the fast client, which keeps up; the slow one reads nothing meanwhile
        for (int i = 1; i <= total; i++) {
            cluster.emitUserEvent("big", 16 * 1024);
            assertThat(fast.next(EventMessage.class).seq()).isEqualTo(i);
        }
        slow.startReading();

        long expected = 1;
        ServerMessage message = slow.next();
        while (message instanceof EventMessage event) {
            assertThat(event.seq()).isEqualTo(expected++);
            message = slow.next();
        }
        LaggedMessage lagged = (LaggedMessage) message;
        assertThat(lagged.afterSeq()).isEqualTo(expected - 1);
        assertThat(lagged.limit()).isEqualTo(16);
        SnapshotMessage snapshot = slow.next(SnapshotMessage.class);
        assertThat(snapshot.seq()).isGreaterThan(lagged.afterSeq());
        cluster.emitUserEvent("after", 1);
        for (long seq = snapshot.seq() + 1; seq <= total + 1; seq++) {
            assertThat(slow.next(EventMessage.class).seq()).isEqualTo(seq);
        }
    }

    // ------------------------------------------------------------------------------------ commands

    @Test
    void streamsProgressAndThenTheResultOfAQuery() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = authenticated();

        client.send(new CommandMessage("q-1", SendQuery.toAll("uptime", Payload.EMPTY).withRequestAck(true)));

        assertThat(client.next(ProgressMessage.class).progress()).isEqualTo(new QueryAckProgress("web-1"));
        assertThat(client.next(ProgressMessage.class).progress())
                .isEqualTo(new QueryResponseProgress("web-1", Payload.ofText("up 3 days")));
        assertThat(client.next(ProgressMessage.class).progress()).isEqualTo(new QueryAckProgress("web-2"));
        assertThat(client.next(ProgressMessage.class).id()).isEqualTo("q-1");
        ResultMessage result = client.next(ResultMessage.class);
        assertThat(result.id()).isEqualTo("q-1");
        assertThat(((QueryAnswers) result.value()).responses()).hasSize(2);
        assertThat(commands.requests.getFirst().client()).startsWith("127.0.0.1:");
    }

    @Test
    void answersEveryBadMessageAndKeepsTheConnectionOpen() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = authenticated();

        client.sendText("{\"type\":\"auth\",");
        assertThat(client.next(ErrorMessage.class).code()).isEqualTo(ErrorCode.MALFORMED);
        client.sendText("{\"type\":\"hello\",\"v\":1}");
        assertThat(client.next(ErrorMessage.class).field()).isEqualTo("type");
        client.sendText("{\"type\":\"command\",\"v\":1,\"id\":\"c-11\",\"command\":{\"kind\":\"restart-child\","
                + "\"member\":\"web-1\"}}");
        ErrorMessage missing = client.next(ErrorMessage.class);
        assertThat(missing.field()).isEqualTo("command.child");
        assertThat(missing.inReplyTo()).isEqualTo("c-11");
        client.sendText("{\"type\":\"resume\",\"v\":1,\"streamId\":\"s\",\"fromSeq\":\"12\"}");
        assertThat(client.next(ErrorMessage.class).field()).isEqualTo("fromSeq");
        client.sendText("{\"type\":\"auth\",\"v\":2,\"token\":\"x\"}");
        assertThat(client.next(ErrorMessage.class).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        client.sendBinary(new byte[] {1, 2, 3});
        assertThat(client.next(ErrorMessage.class).message()).contains("binary");
        client.send(new AuthMessage(TOKEN));
        assertThat(client.next(ErrorMessage.class).message()).isEqualTo("already authenticated");
        client.send(ResumeMessage.fresh());
        client.next(SnapshotMessage.class);
        client.send(ResumeMessage.fresh());
        assertThat(client.next(ErrorMessage.class).code()).isEqualTo(ErrorCode.UNEXPECTED);
        client.send(new CommandMessage("c-12", new RestartChild("db-9", "nginx")));
        ResultMessage rejected = client.next(ResultMessage.class);
        assertThat(rejected.outcome()).isEqualTo(CommandOutcome.REJECTED);

        client.send(new CommandMessage("c-13", new RestartChild("web-1", "nginx")));
        assertThat(client.next(ResultMessage.class)).isEqualTo(ResultMessage.ok("c-13"));
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void answersAnOversizedFrameWithTooLargeAndStaysOpen() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = authenticated();

        client.sendText("{\"type\":\"command\",\"v\":1,\"id\":\"big\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
        ErrorMessage error = client.next(ErrorMessage.class);

        assertThat(error.code()).isEqualTo(ErrorCode.TOO_LARGE);
        client.send(new CommandMessage("c-1", new RestartChild("web-1", "nginx")));
        assertThat(client.next(ResultMessage.class)).isEqualTo(ResultMessage.ok("c-1"));
    }

    // ------------------------------------------------------------------------------------ TLS and shutdown

    @Test
    void servesWssWithAPemCertificateAndAPkcs1OrPkcs8Key(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forLoopback();
        Path chain = certificate.writeCertificate(dir);
        for (Path key : List.of(certificate.writePkcs1Key(dir), certificate.writePkcs8Key(dir))) {
            try (WsServer secure = WsServer.start(WsServerConfig.loopback(TOKEN).withTls(new TlsFiles(chain, key)),
                    cluster, commands);
                 WsTestClient client = WsTestClient.connect(secure.uri(), certificate.trustingClientContext())) {
                assertThat(secure.uri().getScheme()).isEqualTo("wss");
                client.send(new AuthMessage(TOKEN));
                assertThat(client.next(WelcomeMessage.class).agent()).isEqualTo("web-1");
                client.send(ResumeMessage.fresh());
                long seq = client.next(SnapshotMessage.class).seq();
                cluster.emitUserEvent("over-tls", 3);
                assertThat(client.next(EventMessage.class).seq()).isEqualTo(seq + 1);
            }
        }
    }

    @Test
    void refusesToStartWithAKeyThatDoesNotBelongToTheCertificate(@TempDir Path dir) throws Exception {
        Path chain = SelfSignedCertificate.forLoopback().writeCertificate(dir);
        Path otherKey = SelfSignedCertificate.forLoopback().writePkcs8Key(dir);

        assertThatThrownBy(() -> WsServer.start(WsServerConfig.loopback(TOKEN).withTls(new TlsFiles(chain, otherKey)),
                cluster, commands)).isInstanceOf(IOException.class).hasMessageContaining("does not belong");
    }

    @Test
    void closesEveryClientWithGoingAwayWhenTheServerCloses() throws Exception {
        start(WsLimits.DEFAULT);
        WsTestClient client = authenticated();

        server.close();

        assertThat(client.closeCode()).isEqualTo(1001);
        await().atMost(WsTestClient.WAIT).untilAsserted(() -> assertThat(client.isClosed()).isTrue());
    }
}
