package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.serf.testing.SerfTestCluster.AgentCustomizer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against real serf agents on 127.0.0.x. */
class SerfRpcClientIT {
    /** An upper bound only: on a machine busy with other builds a leave or a failure can take a while to show. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    /** Starts {@code size} agents, joins them all through the first one over RPC and waits until each sees all alive. */
    private List<SerfTestAgent> joinedOverRpc(int size, AgentCustomizer customizer) {
        List<SerfTestAgent> started = cluster.startUnjoined(size, customizer);
        SerfRpcClient first = cluster.rpcClient(started.getFirst());
        List<String> others = started.stream().skip(1).map(SerfRpcClientIT::gossipAddress).toList();
        assertThat(first.join(others, false)).isEqualTo(size - 1);
        for (SerfTestAgent agent : started) {
            SerfRpcClient client = cluster.rpcClient(agent);
            await().atMost(WAIT).until(() -> client.members().stream().filter(SerfMember::isAlive).count() == size);
        }
        return started;
    }

    private List<SerfTestAgent> joinedOverRpc(int size) {
        return joinedOverRpc(size, (index, config) -> config);
    }

    private static String gossipAddress(SerfTestAgent agent) {
        return agent.bindAddress().toString();
    }

    private static Map<String, String> role(String role) {
        return Map.of("role", role);
    }

    private static <T> T awaitRecord(RecordingCallback<? super T> callback, Class<T> type, Predicate<T> match) {
        AtomicReference<T> found = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            for (Object record : callback.records) {
                if (type.isInstance(record) && match.test(type.cast(record))) {
                    found.set(type.cast(record));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    @Test
    void authenticatesWithRpcAuthAndRejectsWrongOrMissingKeys() {
        SerfTestAgent agent = cluster.startUnjoined(1, (index, config) -> config.withRpcAuthToken("open-sesame")).getFirst();

        SerfRpcClient client = cluster.rpcClient(agent);
        assertThat(client.members()).extracting(SerfMember::name).containsExactly(agent.nodeName());
        assertThatThrownBy(() -> cluster.rpcClient(agent.rpcConfig().withAuthKey("wrong")))
                .isInstanceOf(SerfAuthenticationException.class)
                .hasMessageContaining("Invalid authentication token");
        SerfRpcClient withoutKey = cluster.rpcClient(agent.rpcConfig().withAuthKey(null));
        assertThatThrownBy(withoutKey::members)
                .isInstanceOf(SerfAuthenticationException.class)
                .hasMessageContaining("Authentication required");
        // the refused call had no body to read: the connection is still in step
        assertThatThrownBy(withoutKey::stats).isInstanceOf(SerfAuthenticationException.class);
        assertThat(withoutKey.isOpen()).isTrue();
    }

    @Test
    void joinsAndListsAndFiltersMembers() throws Exception {
        List<String> roles = List.of("web", "db", "web");
        List<SerfTestAgent> started = cluster.startUnjoined(3, (index, config) -> config.withTags(role(roles.get(index))));
        SerfTestAgent a = started.get(0);
        SerfTestAgent b = started.get(1);
        SerfTestAgent c = started.get(2);
        SerfRpcClient client = cluster.rpcClient(a);

        assertThat(client.join(List.of(gossipAddress(b), gossipAddress(c)), false)).isEqualTo(2);

        await().atMost(WAIT).until(() -> client.members().size() == 3);
        SerfMember member = client.members().stream().filter(m -> m.name().equals(b.nodeName())).findFirst().orElseThrow();
        assertThat(member.address()).isEqualTo(InetAddress.getByName(b.bindAddress().host()));
        assertThat(member.port()).isEqualTo(b.bindAddress().port());
        assertThat(member.tags()).containsEntry("role", "db");
        assertThat(member.status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(member.protocolCur()).isPositive();
        assertThat(member.delegateCur()).isPositive();
        assertThat(client.members(MembersFilter.byTag("role", "web"))).extracting(SerfMember::name)
                .containsExactlyInAnyOrder(a.nodeName(), c.nodeName());
        assertThat(client.members(MembersFilter.byName(b.nodeName() + "|" + c.nodeName()).withStatus("alive")))
                .extracting(SerfMember::name)
                .containsExactlyInAnyOrder(b.nodeName(), c.nodeName());
        assertThat(client.localNodeName()).isEqualTo(a.nodeName());
    }

    @Test
    void reportsAFailedJoinWithTheAgentsError() {
        SerfTestAgent a = cluster.startUnjoined(1).getFirst();
        SerfRpcClient client = cluster.rpcClient(a);

        // nothing listens on the RPC port of this agent for gossip
        assertThatThrownBy(() -> client.join(List.of(a.rpcAddress() + "9"), false))
                .isInstanceOf(SerfCommandException.class).hasMessageContaining("join");
        assertThat(client.members()).hasSize(1);
    }

    @Test
    void streamsMemberFailedAfterKillAndMemberLeaveAfterLeave() throws Exception {
        List<SerfTestAgent> started = joinedOverRpc(3);
        RecordingCallback<StreamEvent> events = new RecordingCallback<>();
        cluster.rpcClient(started.get(0)).stream(StreamFilter.of("member-failed", "member-leave"), events);
        SerfRpcClient leaving = cluster.rpcClient(started.get(1));
        AtomicReference<SerfConnectionLostException> lost = new AtomicReference<>();
        leaving.addConnectionListener(lost::set);

        started.get(2).process().kill();
        StreamEvent.MemberEvent failed = awaitRecord(events, StreamEvent.MemberEvent.class,
                e -> e.type() == MemberEventType.MEMBER_FAILED);
        leaving.leave();
        StreamEvent.MemberEvent left = awaitRecord(events, StreamEvent.MemberEvent.class,
                e -> e.type() == MemberEventType.MEMBER_LEAVE);

        assertThat(failed.members()).extracting(SerfMember::name).containsExactly(started.get(2).nodeName());
        assertThat(failed.members().get(0).status()).isEqualTo(MemberStatus.FAILED);
        assertThat(left.members()).extracting(SerfMember::name).containsExactly(started.get(1).nodeName());
        assertThat(left.members().get(0).status()).isEqualTo(MemberStatus.LEFT);
        // leave shuts the agent down: its client is told
        await().atMost(WAIT).until(() -> lost.get() != null);
        assertThat(leaving.isOpen()).isFalse();
    }

    @Test
    void streamsATagChangeAsMemberUpdate() {
        List<SerfTestAgent> started = joinedOverRpc(3, (index, config) -> config.withTags(Map.of("role", "web", "old", "x")));
        RecordingCallback<StreamEvent> events = new RecordingCallback<>();
        cluster.rpcClient(started.get(0)).stream(StreamFilter.of("member-update"), events);
        String changed = started.get(1).nodeName();

        cluster.rpcClient(started.get(1)).tags(Map.of("role", "web db", "ws", "127.0.0.2:8080"), List.of("old"));

        StreamEvent.MemberEvent update = awaitRecord(events, StreamEvent.MemberEvent.class,
                e -> e.members().stream().anyMatch(m -> m.name().equals(changed)));
        assertThat(update.type()).isEqualTo(MemberEventType.MEMBER_UPDATE);
        assertThat(update.members().get(0).tags()).isEqualTo(Map.of("role", "web db", "ws", "127.0.0.2:8080"));
    }

    @Test
    void refusesTagsOverTheMetaLimitWithoutSending() {
        SerfTestAgent a = cluster.startUnjoined(1, (index, config) -> config.withTags(role("web"))).getFirst();
        SerfRpcClient client = cluster.rpcClient(a);

        assertThatThrownBy(() -> client.tags(Map.of("big", "x".repeat(500)), List.of()))
                .isInstanceOf(SerfLimitExceededException.class).hasMessageContaining("MetaMaxSize");
        assertThat(client.members().get(0).tags()).isEqualTo(role("web"));
    }

    @Test
    void deliversBinaryPayloadsToStreamsOnOtherAgents() {
        List<SerfTestAgent> started = joinedOverRpc(3);
        RecordingCallback<StreamEvent> onB = new RecordingCallback<>();
        RecordingCallback<StreamEvent> onC = new RecordingCallback<>();
        RecordingCallback<StreamEvent> otherName = new RecordingCallback<>();
        cluster.rpcClient(started.get(1)).stream(StreamFilter.user("bin"), onB);
        SerfRpcClient c = cluster.rpcClient(started.get(2));
        c.stream(StreamFilter.user("bin"), onC);
        c.stream(StreamFilter.user("other"), otherName);
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i; // every byte value, zeros included
        }
        SerfRpcClient a = cluster.rpcClient(started.get(0));

        a.event("bin", payload, false);
        a.event("bin", new byte[0], false);
        a.event("bin", null, false);

        for (RecordingCallback<StreamEvent> stream : List.of(onB, onC)) {
            await().atMost(WAIT).until(() -> stream.records.size() == 3);
            // gossip does not keep the order of events; their Lamport times do
            List<StreamEvent.UserEvent> received = stream.records.stream().map(StreamEvent.UserEvent.class::cast)
                    .sorted(Comparator.comparingLong(StreamEvent.UserEvent::ltime)).toList();
            assertThat(received).extracting(StreamEvent.UserEvent::name).containsOnly("bin");
            assertThat(received.get(0).payload()).containsExactly(payload);
            assertThat(received.get(0).coalesce()).isFalse();
            // serf delivers an empty payload as nil, like a nil one
            assertThat(received.get(1).payload()).isNull();
            assertThat(received.get(2).payload()).isNull();
        }
        assertThat(otherName.records).isEmpty();
    }

    @Test
    void refusesOversizedEventsClientSideAndSerfAcceptsTheLargestAllowed() {
        List<SerfTestAgent> started = joinedOverRpc(2);
        RecordingCallback<StreamEvent> onB = new RecordingCallback<>();
        cluster.rpcClient(started.get(1)).stream(StreamFilter.user(), onB);
        SerfRpcClient a = cluster.rpcClient(started.get(0));
        String name = "serfnode.sv";
        int max = SerfLimits.DEFAULTS.maxUserEventPayload(name);

        assertThatThrownBy(() -> a.event(name, new byte[max + 1], false))
                .isInstanceOf(SerfLimitExceededException.class).hasMessageContaining("UserEventSizeLimit");
        a.event(name, new byte[max], false);

        StreamEvent.UserEvent event = awaitRecord(onB, StreamEvent.UserEvent.class, e -> e.name().equals(name));
        assertThat(event.payload()).hasSize(max);
        assertThat(name.length() + max).isEqualTo(474);
    }

    @Test
    void answersAQueryOnlyFromTheFilteredNodes() {
        List<SerfTestAgent> started = joinedOverRpc(4);
        for (SerfTestAgent agent : started.subList(1, 4)) {
            SerfRpcClient responder = cluster.rpcClient(agent);
            responder.stream(StreamFilter.query("serfnode.ping"), new StreamCallback<>() {
                @Override
                public void onNext(StreamEvent event) {
                    StreamEvent.QueryEvent query = (StreamEvent.QueryEvent) event;
                    byte[] answer = (agent.nodeName() + ":").getBytes();
                    byte[] reply = new byte[answer.length + query.payload().length];
                    System.arraycopy(answer, 0, reply, 0, answer.length);
                    System.arraycopy(query.payload(), 0, reply, answer.length, query.payload().length);
                    responder.respond(query, reply);
                }
            });
        }
        String b = started.get(1).nodeName();
        String d = started.get(3).nodeName();
        SerfRpcClient asker = cluster.rpcClient(started.get(0));
        List<QueryRecord> everyAttempt = new ArrayList<>();
        RecordingCallback<QueryRecord> records = null;
        // serf delivers queries on a best-effort basis (now and then one never reaches a node): like the
        // agent's own queries, ask again, up to three times
        for (int attempt = 0; attempt < 3 && (records == null || !answeredBy(records, b, d)); attempt++) {
            records = new RecordingCallback<>();
            asker.query(QueryRequest.of("serfnode.ping", new byte[] {0, 1, 0})
                    .withFilterNodes(List.of(b, d)).withRequestAck(true).withRelayFactor(1)
                    .withTimeout(Duration.ofSeconds(3)), records);
            RecordingCallback<QueryRecord> current = records;
            await().atMost(WAIT).until(current::completed);
            everyAttempt.addAll(records.records);
        }

        // only the filtered nodes ever answer, in any attempt
        assertThat(everyAttempt).filteredOn(QueryRecord.Response.class::isInstance)
                .extracting(r -> ((QueryRecord.Response) r).from()).isSubsetOf(b, d);
        assertThat(records.records).filteredOn(QueryRecord.Ack.class::isInstance)
                .extracting(r -> ((QueryRecord.Ack) r).from()).containsExactlyInAnyOrder(b, d);
        List<QueryRecord.Response> responses = records.records.stream()
                .filter(QueryRecord.Response.class::isInstance).map(QueryRecord.Response.class::cast).toList();
        assertThat(responses).extracting(QueryRecord.Response::from).containsExactlyInAnyOrder(b, d);
        assertThat(responses).allSatisfy(response -> assertThat(response.payload())
                .endsWith(0, 1, 0).startsWith((response.from() + ":").getBytes()));
        assertThat(records.records.getLast()).isInstanceOf(QueryRecord.Done.class);
    }

    private static boolean answeredBy(RecordingCallback<QueryRecord> records, String... nodes) {
        List<String> acked = records.records.stream().filter(QueryRecord.Ack.class::isInstance)
                .map(r -> ((QueryRecord.Ack) r).from()).toList();
        List<String> answered = records.records.stream().filter(QueryRecord.Response.class::isInstance)
                .map(r -> ((QueryRecord.Response) r).from()).toList();
        return acked.containsAll(List.of(nodes)) && answered.containsAll(List.of(nodes));
    }

    @Test
    void filtersQueryRespondersByTag() {
        List<String> roles = List.of("web", "db", "web");
        List<SerfTestAgent> started = cluster.startUnjoined(3, (index, config) -> config.withTags(role(roles.get(index))));
        SerfRpcClient client = cluster.rpcClient(started.get(0));
        client.join(List.of(gossipAddress(started.get(1)), gossipAddress(started.get(2))), false);
        await().atMost(WAIT).until(() -> client.members().size() == 3);
        for (SerfTestAgent agent : started) {
            SerfRpcClient responder = cluster.rpcClient(agent);
            responder.stream(StreamFilter.query(), new StreamCallback<>() {
                @Override
                public void onNext(StreamEvent event) {
                    responder.respond((StreamEvent.QueryEvent) event, agent.nodeName().getBytes());
                }
            });
        }
        RecordingCallback<QueryRecord> records = new RecordingCallback<>();

        client.query(QueryRequest.of("who", null).withFilterTags(Map.of("role", "w.b"))
                .withTimeout(Duration.ofSeconds(3)), records);

        await().atMost(WAIT).until(records::completed);
        assertThat(records.records).filteredOn(QueryRecord.Response.class::isInstance)
                .extracting(r -> ((QueryRecord.Response) r).from())
                .containsExactlyInAnyOrder(started.get(0).nodeName(), started.get(2).nodeName());
    }

    @Test
    void managesTheKeyringOfAnEncryptedCluster() {
        String first = key(1);
        String second = key(2);
        List<SerfTestAgent> started = joinedOverRpc(3, (index, config) -> config.withEncryptKey(first));
        SerfRpcClient client = cluster.rpcClient(started.get(0));

        KeyResponse installed = everyNode(() -> client.installKey(second));
        assertThat(installed.numNodes()).isEqualTo(3);
        assertThat(installed.numErr()).isZero();
        assertThat(listKeysFromEveryNode(client).keys()).isEqualTo(Map.of(first, 3, second, 3));

        everyNode(() -> client.useKey(second));
        assertThatThrownBy(() -> client.removeKey(second))
                .isInstanceOfSatisfying(SerfCommandException.class, e -> {
                    assertThat(e.command()).isEqualTo("remove-key");
                    // the body came with the error: per-node reasons
                    assertThat(e.reply(KeyResponse.class)).hasValueSatisfying(reply ->
                            assertThat(reply.numErr()).isEqualTo(3));
                });
        everyNode(() -> client.removeKey(first));

        KeyResponse listed = listKeysFromEveryNode(client);
        assertThat(listed.keys()).isEqualTo(Map.of(second, 3));
        assertThat(listed.numResp()).isEqualTo(3);
        assertThat(client.members()).allMatch(SerfMember::isAlive);
    }

    /**
     * Serf gathers {@code list-keys} from every node with an internal query, which now and then misses a
     * node ("2/3 nodes reported success"); reading the keyring again is harmless.
     */
    private static KeyResponse listKeysFromEveryNode(SerfRpcClient client) {
        return everyNode(client::listKeys);
    }

    /**
     * A keyring command until every node reported success: serf sends it with an internal query that now and
     * then misses a node, and installing, using and removing a key are the same when done twice.
     */
    private static KeyResponse everyNode(java.util.concurrent.Callable<KeyResponse> command) {
        return await().atMost(WAIT).ignoreExceptionsInstanceOf(SerfCommandException.class)
                .until(command, reply -> reply.numErr() == 0);
    }

    @Test
    void reportsStatsAndCoordinates() {
        List<SerfTestAgent> started = joinedOverRpc(3);
        SerfRpcClient client = cluster.rpcClient(started.get(0));
        String other = started.get(1).nodeName();

        Map<String, Map<String, String>> stats = client.stats();
        assertThat(stats.get("agent")).containsEntry("name", started.get(0).nodeName());
        assertThat(stats.get("serf")).containsKeys("members", "event_time", "query_time");
        await().atMost(WAIT).until(() -> client.coordinate(other).isPresent());
        Coordinate coordinate = client.coordinate(other).orElseThrow();
        assertThat(coordinate.vec()).isNotEmpty();
        assertThat(coordinate.error()).isPositive();
        assertThat(client.coordinate("no-such-node")).isEqualTo(Optional.empty());
    }

    @Test
    void forceLeavePruneRemovesAFailedMember() throws Exception {
        List<SerfTestAgent> started = joinedOverRpc(3);
        SerfRpcClient client = cluster.rpcClient(started.get(0));
        String failed = started.get(2).nodeName();
        started.get(2).process().kill();
        await().atMost(WAIT).until(() -> client.members(MembersFilter.byName(failed)).stream()
                .anyMatch(m -> m.status() == MemberStatus.FAILED));

        client.forceLeavePrune(failed);

        await().atMost(WAIT).until(() -> client.members().stream().noneMatch(m -> m.name().equals(failed)));
        assertThat(client.members()).extracting(SerfMember::name)
                .containsExactlyInAnyOrder(started.get(0).nodeName(), started.get(1).nodeName());
    }

    @Test
    void forceLeaveMarksAFailedMemberLeft() throws Exception {
        List<SerfTestAgent> started = joinedOverRpc(3);
        SerfRpcClient client = cluster.rpcClient(started.get(0));
        String failed = started.get(2).nodeName();
        started.get(2).process().kill();
        await().atMost(WAIT).until(() -> client.members(MembersFilter.byName(failed).withStatus("failed")).size() == 1);

        client.forceLeave(failed);

        await().atMost(WAIT).until(() -> client.members(MembersFilter.byName(failed).withStatus("left")).size() == 1);
    }

    @Test
    void monitorDeliversLogLines() {
        List<SerfTestAgent> started = cluster.startUnjoined(2);
        SerfRpcClient client = cluster.rpcClient(started.get(0));
        RecordingCallback<String> lines = new RecordingCallback<>();
        SerfStream monitor = client.monitor(LogLevel.DEBUG, lines);

        client.join(List.of(gossipAddress(started.get(1))), false);

        awaitRecord(lines, String.class, line -> line.contains("agent.ipc") || line.contains("memberlist"));
        assertThatThrownBy(() -> client.monitor(LogLevel.INFO, new RecordingCallback<>()))
                .isInstanceOf(SerfCommandException.class).hasMessageContaining("Monitor already exists");
        monitor.close();
        await().atMost(WAIT).until(lines::completed);
        assertThat(client.monitor(LogLevel.INFO, new RecordingCallback<>()).isOpen()).isTrue();
    }

    @Test
    void reportsALostAgentToCallsStreamsAndListeners() throws Exception {
        SerfTestAgent a = cluster.startUnjoined(1).getFirst();
        SerfRpcClient client = cluster.rpcClient(a);
        RecordingCallback<StreamEvent> events = new RecordingCallback<>();
        client.stream(StreamFilter.ALL, events);
        AtomicReference<SerfConnectionLostException> lost = new AtomicReference<>();
        client.addConnectionListener(lost::set);

        a.process().kill();

        await().atMost(WAIT).until(events::failed);
        assertThat(events.error.get()).isInstanceOf(SerfConnectionLostException.class)
                .hasMessageContaining(a.rpcAddress().toString());
        await().atMost(WAIT).until(() -> lost.get() != null);
        assertThatThrownBy(client::members).isInstanceOf(SerfConnectionLostException.class);
    }

    @Test
    void stopsAStreamAndKeepsTheClientUsable() {
        List<SerfTestAgent> started = joinedOverRpc(2);
        SerfRpcClient b = cluster.rpcClient(started.get(1));
        RecordingCallback<StreamEvent> stopped = new RecordingCallback<>();
        RecordingCallback<StreamEvent> kept = new RecordingCallback<>();
        SerfStream first = b.stream(StreamFilter.user(), stopped);
        b.stream(StreamFilter.user(), kept);
        SerfRpcClient a = cluster.rpcClient(started.get(0));
        for (int i = 0; i < 50; i++) {
            a.event("burst", new byte[] {(byte) i}, false);
        }

        first.close();
        for (int i = 0; i < 50; i++) {
            a.event("after", new byte[] {(byte) i}, false);
        }

        await().atMost(WAIT).until(() -> kept.records.size() == 100);
        assertThat(stopped.records).extracting(e -> ((StreamEvent.UserEvent) e).name()).doesNotContain("after");
        assertThat(stopped.signals).endsWith("complete");
        assertThat(b.members()).hasSize(2);
        assertThat(Set.copyOf(kept.threads)).noneMatch(thread -> thread.startsWith("serf-rpc-"));
    }

    private static String key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
