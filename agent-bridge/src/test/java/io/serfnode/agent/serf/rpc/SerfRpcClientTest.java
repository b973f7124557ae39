package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.rpc.FakeSerfAgent.Connection;
import io.serfnode.agent.serf.rpc.FakeSerfAgent.Request;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.msgpack.value.ValueType;

class SerfRpcClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeSerfAgent agent;
    private SerfRpcClient client;
    private Connection commands;
    private Connection streams;

    @BeforeEach
    void startFakeAgent() throws Exception {
        agent = new FakeSerfAgent();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        agent.close();
    }

    private void connect(SerfRpcConfig config) throws Exception {
        client = SerfRpcClient.connect(config);
        commands = agent.connection(0);
        streams = agent.connection(1);
    }

    private void connect() throws Exception {
        connect(SerfRpcConfig.of(agent.address()).withCommandTimeout(Duration.ofSeconds(30)));
    }

    /** Size checks of queries and responses need the agent's node name, which the client asks once. */
    private void answerNodeName(String name) throws Exception {
        CompletableFuture<String> asked = async(client::localNodeName);
        commands.reply(commands.next("stats").seq(), "", out -> out.packMapHeader(1).packString("agent")
                .packMapHeader(1).packString("name").packString(name));
        assertThat(asked.get(20, TimeUnit.SECONDS)).isEqualTo(name);
    }

    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, r -> Thread.ofVirtual().start(r));
    }

    @Test
    void handshakesAndAuthenticatesOnBothConnections() throws Exception {
        agent.requireAuthKey("s3cret");
        connect(SerfRpcConfig.of(agent.address()).withAuthKey("s3cret"));

        for (Connection connection : List.of(commands, streams)) {
            assertThat(connection.requests()).extracting(Request::command).startsWith("handshake", "auth");
            assertThat(connection.requests().get(0).field("Version").asIntegerValue().toInt()).isEqualTo(1);
        }
    }

    @Test
    void refusesAWrongAuthKeyWithAClearError() throws Exception {
        agent.requireAuthKey("right");

        assertThatThrownBy(() -> SerfRpcClient.connect(SerfRpcConfig.of(agent.address()).withAuthKey("wrong")))
                .isInstanceOf(SerfAuthenticationException.class)
                .hasMessageContaining("auth")
                .hasMessageContaining("Invalid authentication token");
    }

    @Test
    void matchesInterleavedRepliesBySeq() throws Exception {
        connect();
        CompletableFuture<List<SerfMember>> members = async(client::members);
        Request membersRequest = commands.next("members");
        CompletableFuture<Map<String, Map<String, String>>> stats = async(client::stats);
        Request statsRequest = commands.next("stats");

        commands.reply(statsRequest.seq(), "", out -> {
            out.packMapHeader(1).packString("agent").packMapHeader(1).packString("name").packString("n1");
        });
        commands.reply(membersRequest.seq(), "", FakeSerfAgent.membersBody(new byte[] {127, 0, 0, 2}));

        assertThat(stats.get(20, TimeUnit.SECONDS)).containsEntry("agent", Map.of("name", "n1"));
        assertThat(members.get(20, TimeUnit.SECONDS)).extracting(SerfMember::name).containsExactly("node-0");
    }

    @Test
    void readsJoinBodyEvenWhenTheReplyCarriesAnError() throws Exception {
        connect();
        CompletableFuture<Integer> join = async(() -> client.join(List.of("127.0.0.9:7946"), false));
        Request request = commands.next("join");
        assertThat(request.field("Existing").asArrayValue().list()).hasSize(1);
        commands.reply(request.seq(), "1 error occurred", out -> out.packMapHeader(1).packString("Num").packInt(0));

        assertThat(join).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(SerfCommandException.class)
                .withMessageContaining("join").withMessageContaining("1 error occurred");
        // the body was consumed: the next reply is read in step
        CompletableFuture<List<SerfMember>> members = async(client::members);
        commands.reply(commands.next("members").seq(), "", FakeSerfAgent.membersBody());
        assertThat(members.get(20, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void keepsKeyringReplyBodyOnError() throws Exception {
        connect();
        CompletableFuture<KeyResponse> install = async(() -> client.installKey("a2V5"));
        Request request = commands.next("install-key");
        assertThat(request.field("Key").asStringValue().asString()).isEqualTo("a2V5");
        commands.reply(request.seq(), "1/3 nodes reported failure", out -> {
            out.packMapHeader(4);
            out.packString("Messages").packMapHeader(1).packString("n2").packString("bad key");
            out.packString("NumNodes").packInt(3);
            out.packString("NumErr").packInt(1);
            out.packString("NumResp").packInt(3);
        });

        Throwable failure = install.handle((ok, error) -> error.getCause()).get(20, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(SerfCommandException.class);
        assertThat(((SerfCommandException) failure).reply(KeyResponse.class)).hasValueSatisfying(reply -> {
            assertThat(reply.messages()).containsEntry("n2", "bad key");
            assertThat(reply.numErr()).isEqualTo(1);
        });
    }

    @Test
    void dropsRecordsThatArriveAfterStop() throws Exception {
        connect();
        answerNodeName("n1");
        RecordingCallback<StreamEvent> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.stream(StreamFilter.user(), callback));
        Request streamRequest = streams.next("stream");
        assertThat(streamRequest.field("Type").asStringValue().asString()).isEqualTo("user");
        streams.reply(streamRequest.seq(), "");
        SerfStream stream = open.get(20, TimeUnit.SECONDS);
        streams.send(FakeSerfAgent.header(streamRequest.seq(), ""), FakeSerfAgent.userEventRecord(1, "before", null));
        await().atMost(WAIT).until(() -> callback.records.size() == 1);

        stream.close();
        Request stop = streams.next("stop");
        assertThat(stop.field("Stop").asIntegerValue().toLong()).isEqualTo(streamRequest.seq());
        // serf flushes what it had buffered after answering stop
        streams.send(FakeSerfAgent.header(stop.seq(), ""),
                FakeSerfAgent.header(streamRequest.seq(), ""), FakeSerfAgent.userEventRecord(2, "after", new byte[] {1}),
                FakeSerfAgent.header(streamRequest.seq(), ""), FakeSerfAgent.userEventRecord(3, "after", new byte[] {2}));
        CompletableFuture<Void> respond = async(() -> {
            client.respond(new StreamEvent.QueryEvent(7, 1, "q", null), new byte[] {9});
            return null;
        });
        Request respondRequest = streams.next("respond");
        streams.reply(respondRequest.seq(), "");

        assertThat(respond).succeedsWithin(WAIT);
        assertThat(callback.records).extracting(event -> ((StreamEvent.UserEvent) event).name()).containsExactly("before");
        await().atMost(WAIT).until(callback::completed);
        assertThat(callback.signals).containsExactly("start", "complete");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void skipsRepliesForUnknownSeqsByTheirShape() throws Exception {
        connect();
        CompletableFuture<List<SerfMember>> members = async(client::members);
        Request request = commands.next("members");

        commands.send(
                FakeSerfAgent.header(900, ""), FakeSerfAgent.membersBody(new byte[] {10, 0, 0, 1}), // header + body
                FakeSerfAgent.header(901, "whatever"), // header only
                FakeSerfAgent.header(902, ""), FakeSerfAgent.userEventRecord(5, "stray", new byte[0]),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.membersBody(new byte[] {127, 0, 0, 3}));

        assertThat(members.get(20, TimeUnit.SECONDS)).singleElement()
                .extracting(SerfMember::address).isEqualTo(InetAddress.getByName("127.0.0.3"));
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void deliversNilEmptyAndZeroBytePayloadsUntouched() throws Exception {
        connect();
        RecordingCallback<StreamEvent> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.stream(StreamFilter.ALL, callback));
        Request request = streams.next("stream");
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        byte[] binary = {0, 1, 0, (byte) 0xFF, (byte) 0xC0, 0};

        streams.send(
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.userEventRecord(1, "nil", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.userEventRecord(2, "empty", new byte[0]),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.userEventRecord(3, "binary", binary));

        await().atMost(WAIT).until(() -> callback.records.size() == 3);
        List<byte[]> payloads = callback.records.stream().map(event -> ((StreamEvent.UserEvent) event).payload()).toList();
        assertThat(payloads.get(0)).isNull();
        assertThat(payloads.get(1)).isEmpty();
        assertThat(payloads.get(2)).containsExactly(binary);
    }

    @Test
    void sendsNilEmptyAndBinaryPayloadsAsMsgpackNilAndBin() throws Exception {
        connect();
        byte[] binary = {0, (byte) 0xFF, 0};
        for (byte[] payload : new byte[][] {null, new byte[0], binary}) {
            CompletableFuture<Void> sent = async(() -> {
                client.event("deploy", payload, true);
                return null;
            });
            Request request = commands.next("event");
            commands.reply(request.seq(), "");
            sent.get(20, TimeUnit.SECONDS);
            if (payload == null) {
                assertThat(request.field("Payload").getValueType()).isEqualTo(ValueType.NIL);
            } else {
                assertThat(request.field("Payload").getValueType()).isEqualTo(ValueType.BINARY);
                assertThat(request.field("Payload").asBinaryValue().asByteArray()).containsExactly(payload);
            }
            assertThat(request.field("Name").getValueType()).isEqualTo(ValueType.STRING);
            assertThat(request.field("Coalesce").asBooleanValue().getBoolean()).isTrue();
        }
    }

    @Test
    void decodesFourAndSixteenByteAddresses() throws Exception {
        connect();
        CompletableFuture<List<SerfMember>> members = async(client::members);
        byte[] v6 = InetAddress.getByName("fd00::1").getAddress();
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 7};
        commands.reply(commands.next("members").seq(), "", FakeSerfAgent.membersBody(new byte[] {127, 0, 0, 5}, v6, mapped));

        List<SerfMember> decoded = members.get(20, TimeUnit.SECONDS);
        assertThat(decoded.get(0).address()).isInstanceOf(Inet4Address.class).isEqualTo(InetAddress.getByName("127.0.0.5"));
        assertThat(decoded.get(1).address()).isInstanceOf(Inet6Address.class).isEqualTo(InetAddress.getByName("fd00::1"));
        assertThat(decoded.get(2).address()).isEqualTo(InetAddress.getByName("127.0.0.7"));
        assertThat(decoded.get(0)).satisfies(member -> {
            assertThat(member.port()).isEqualTo(7946);
            assertThat(member.tags()).containsEntry("role", "web db");
            assertThat(member.status()).isEqualTo(MemberStatus.ALIVE);
            assertThat(List.of(member.protocolMin(), member.protocolMax(), member.protocolCur(),
                    member.delegateMin(), member.delegateMax(), member.delegateCur())).containsExactly(1, 5, 2, 2, 5, 4);
        });
    }

    @Test
    void failsAPendingCallFastWhenTheConnectionDrops() throws Exception {
        connect(SerfRpcConfig.of(agent.address()).withCommandTimeout(Duration.ofMinutes(10)));
        AtomicReference<SerfConnectionLostException> told = new AtomicReference<>();
        client.addConnectionListener(told::set);
        CompletableFuture<List<SerfMember>> members = async(client::members);
        commands.next("members");

        commands.drop();

        await().atMost(WAIT).until(members::isDone);
        assertThat(members).isCompletedExceptionally();
        assertThatThrownBy(members::join).hasCauseInstanceOf(SerfConnectionLostException.class)
                .hasMessageContaining(agent.address().getHostString() + ":" + agent.address().getPort());
        await().atMost(WAIT).untilAsserted(() -> assertThat(told.get()).isNotNull());
        assertThat(client.isOpen()).isFalse();
        assertThatThrownBy(client::stats).isInstanceOf(SerfConnectionLostException.class);
    }

    @Test
    void aLeaveEndedByTheAgentShuttingDownBeforeItsAnswerCountsAsDone() throws Exception {
        connect(SerfRpcConfig.of(agent.address()).withCommandTimeout(Duration.ofMinutes(10)));
        AtomicReference<SerfConnectionLostException> told = new AtomicReference<>();
        client.addConnectionListener(told::set);
        CompletableFuture<Void> leave = CompletableFuture.runAsync(client::leave);
        commands.next("leave");

        streams.drop(); // the agent shuts down: its connections close before the answer was read

        await().atMost(WAIT).until(leave::isDone);
        assertThat(leave).isCompleted();
        await().atMost(WAIT).untilAsserted(() -> assertThat(told.get()).isNotNull());
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void reportsAnErrorToOpenStreamsWhenTheConnectionDrops() throws Exception {
        connect();
        RecordingCallback<String> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.monitor(LogLevel.DEBUG, callback));
        Request request = streams.next("monitor");
        assertThat(request.field("LogLevel").asStringValue().asString()).isEqualTo("DEBUG");
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        streams.send(FakeSerfAgent.header(request.seq(), ""), out -> out.packMapHeader(1).packString("Log").packString("line 1"));
        await().atMost(WAIT).until(() -> callback.records.size() == 1);

        streams.drop();

        await().atMost(WAIT).until(callback::failed);
        assertThat(callback.error.get()).isInstanceOf(SerfConnectionLostException.class);
        assertThat(callback.signals).containsExactly("start", "error");
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void runsCallbacksOffTheReaderSoABusyCallbackDoesNotStallReplies() throws Exception {
        connect();
        answerNodeName("n1");
        CountDownLatch release = new CountDownLatch(1);
        RecordingCallback<StreamEvent> callback = new RecordingCallback<>() {
            @Override
            public void onNext(StreamEvent record) {
                super.onNext(record);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<SerfStream> open = async(() -> client.stream(StreamFilter.ALL, callback));
        Request request = streams.next("stream");
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            streams.send(FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.userEventRecord(i, "e" + i, null));
        }
        await().atMost(WAIT).until(() -> callback.records.size() == 1);

        CompletableFuture<Void> respond = async(() -> {
            client.respond(1, null);
            return null;
        });
        streams.reply(streams.next("respond").seq(), "");

        assertThat(respond).succeedsWithin(WAIT);
        release.countDown();
        await().atMost(WAIT).until(() -> callback.records.size() == 100);
        assertThat(callback.threads).allSatisfy(thread -> assertThat(thread).startsWith("serf-stream-").doesNotStartWith("serf-rpc-"));
        assertThat(callback.records).extracting(event -> ((StreamEvent.UserEvent) event).ltime())
                .isSorted().hasSize(100);
    }

    @Test
    void answersCommandsWhileTheStreamConnectionIsStalledMidRecord() throws Exception {
        connect();
        RecordingCallback<StreamEvent> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.stream(StreamFilter.ALL, callback));
        Request request = streams.next("stream");
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        // a header and half a record: the stream connection's reader now waits for the rest
        streams.send(FakeSerfAgent.header(request.seq(), ""), out -> out.packMapHeader(5).packString("Event").packString("user"));

        CompletableFuture<List<SerfMember>> members = async(client::members);
        commands.reply(commands.next("members").seq(), "", FakeSerfAgent.membersBody(new byte[] {127, 0, 0, 9}));

        assertThat(members.get(20, TimeUnit.SECONDS)).hasSize(1);
        assertThat(commands).isNotSameAs(streams);
        assertThat(commands.requests()).extracting(Request::command).doesNotContain("stream");
    }

    @Test
    void streamsQueryRecordsUntilDone() throws Exception {
        connect();
        answerNodeName("n1");
        RecordingCallback<QueryRecord> callback = new RecordingCallback<>();
        QueryRequest query = QueryRequest.of("serfnode.ping", new byte[] {0})
                .withFilterNodes(List.of("n2")).withFilterTags(Map.of("role", "web.*"))
                .withRequestAck(true).withRelayFactor(2).withTimeout(Duration.ofSeconds(5));
        CompletableFuture<SerfStream> open = async(() -> client.query(query, callback));
        Request request = streams.next("query");

        assertThat(request.field("Timeout").asIntegerValue().toLong()).isEqualTo(5_000_000_000L);
        assertThat(request.field("RelayFactor").asIntegerValue().toInt()).isEqualTo(2);
        assertThat(request.field("RequestAck").asBooleanValue().getBoolean()).isTrue();
        assertThat(request.field("FilterTags").asMapValue().map()).hasSize(1);
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        streams.send(FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("ack", "n2", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("response", "n2", new byte[] {0, 0}),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("done", "", null));

        await().atMost(WAIT).until(callback::completed);
        assertThat(callback.records).containsExactly(new QueryRecord.Ack("n2"), callback.records.get(1), new QueryRecord.Done());
        assertThat(((QueryRecord.Response) callback.records.get(1)).payload()).containsExactly(0, 0);
    }

    @Test
    void dropsTheSenderlessRecordsSerfSendsAfterAQuerysDeadline() throws Exception {
        connect();
        answerNodeName("n1");
        RecordingCallback<QueryRecord> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.query(QueryRequest.of("serfnode.ping", null)
                .withRequestAck(true), callback));
        Request request = streams.next("query");
        streams.reply(request.seq(), "");
        open.get(20, TimeUnit.SECONDS);
        streams.send(FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("ack", "n2", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("response", "n2", new byte[] {7}),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("ack", "", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("response", "", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("response", "", null),
                FakeSerfAgent.header(request.seq(), ""), FakeSerfAgent.queryRecord("done", "", null));

        await().atMost(WAIT).until(callback::completed);
        assertThat(callback.records).hasSize(3);
        assertThat(callback.records.get(0)).isEqualTo(new QueryRecord.Ack("n2"));
        assertThat(((QueryRecord.Response) callback.records.get(1)).from()).isEqualTo("n2");
        assertThat(callback.records.get(2)).isEqualTo(new QueryRecord.Done());
    }

    @Test
    void reportsARefusedStreamAsACommandError() throws Exception {
        connect();
        RecordingCallback<String> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.monitor(LogLevel.INFO, callback));
        streams.reply(streams.next("monitor").seq(), "Monitor already exists");

        assertThat(open).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(SerfCommandException.class).withMessageContaining("Monitor already exists");
        assertThat(callback.signals).isEmpty();
    }

    @Test
    void timesOutASilentCallAndStillConsumesItsLateReply() throws Exception {
        connect(SerfRpcConfig.of(agent.address()).withCommandTimeout(Duration.ofMillis(300)));
        CompletableFuture<List<SerfMember>> late = async(client::members);
        Request request = commands.next("members");

        assertThat(late).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingCause().isInstanceOf(SerfRpcTimeoutException.class).withMessageContaining("members");
        commands.reply(request.seq(), "", FakeSerfAgent.membersBody(new byte[] {127, 0, 0, 1}));
        CompletableFuture<List<SerfMember>> next = async(client::members);
        commands.reply(commands.next("members").seq(), "", FakeSerfAgent.membersBody());

        assertThat(next.get(20, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void refusesAnOversizedEventWithoutSendingIt() throws Exception {
        connect();

        assertThatThrownBy(() -> client.event("big", new byte[600], false))
                .isInstanceOf(SerfLimitExceededException.class)
                .hasMessageContaining("UserEventSizeLimit").hasMessageContaining("512").hasMessageContaining("603");
        assertThat(commands.requests()).extracting(Request::command).doesNotContain("event");
    }

    @Test
    void completesOpenStreamsWhenClosed() throws Exception {
        connect();
        RecordingCallback<StreamEvent> callback = new RecordingCallback<>();
        CompletableFuture<SerfStream> open = async(() -> client.stream(StreamFilter.ALL, callback));
        streams.reply(streams.next("stream").seq(), "");
        open.get(20, TimeUnit.SECONDS);

        client.close();

        await().atMost(WAIT).until(callback::completed);
        assertThat(callback.signals).containsExactly("start", "complete");
    }
}
