package io.serfnode.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.event.MemberJoined;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecToleranceTest {
    private final WireCodec codec = new WireCodec();

    @Test
    void ignoresFieldsItDoesNotKnowAtEveryLevel() throws Exception {
        String text = """
                {"type":"command","v":1,"id":"c-1","traceId":"abc",
                 "command":{"kind":"restart-child","member":"web-1","child":"nginx","priority":"high",
                            "options":{"graceful":true}}}""";

        assertThat(codec.decodeClient(text)).isEqualTo(new CommandMessage("c-1", new RestartChild("web-1", "nginx")));
    }

    @Test
    void acceptsMessagesWithoutVersion() throws Exception {
        assertThat(codec.decodeClient("{\"type\":\"auth\",\"token\":\"t\"}")).isEqualTo(new AuthMessage("t"));
    }

    @Test
    void ignoresTheRolesItWritesForConvenience() throws Exception {
        String text = """
                {"type":"event","seq":3,"event":{"kind":"member-join","time":"2025-01-31T12:00:00Z",
                 "member":{"name":"a","address":"127.0.0.2","port":7946,"status":"alive","roles":["forged"],
                           "tags":{"role":"web"}}}}""";

        EventMessage event = (EventMessage) codec.decodeServer(text);

        assertThat(((MemberJoined) event.event()).member().roles()).containsExactly("web");
    }

    @Test
    void readsAPlainSerfMemberWithoutTags() throws Exception {
        String text = """
                {"type":"snapshot","seq":0,"members":[{"name":"plain","address":"::1","port":7946,"status":"alive"}]}""";

        SnapshotMessage snapshot = (SnapshotMessage) codec.decodeServer(text);

        assertThat(snapshot.members()).containsExactly(Member.plain("plain", "::1", 7946, MemberStatus.ALIVE));
        assertThat(snapshot.members().get(0).roles()).isEmpty();
        assertThat(snapshot.children()).isEmpty();
        assertThat(snapshot.recentEvents()).isEmpty();
    }

    @Test
    void fillsDefaultsForOptionalFields() throws Exception {
        CommandMessage trigger = (CommandMessage) codec.decodeClient(
                "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"trigger-event\",\"name\":\"deploy\"}}");
        CommandMessage spawn = (CommandMessage) codec.decodeClient(
                "{\"type\":\"command\",\"id\":\"c\",\"command\":{\"kind\":\"spawn-member\",\"template\":\"web\"}}");

        assertThat(trigger.command()).isEqualTo(new TriggerEvent("deploy", Payload.EMPTY, false));
        assertThat(((SpawnMember) spawn.command()).count()).isEqualTo(1);
    }

    @Test
    void readsNullInAnOptionalFieldAsAbsent() throws Exception {
        CommandMessage trigger = (CommandMessage) codec.decodeClient("{\"type\":\"command\",\"id\":\"c\",\"command\":"
                + "{\"kind\":\"trigger-event\",\"name\":\"deploy\",\"payload\":null,\"coalesce\":null}}");

        assertThat(trigger.command()).isEqualTo(new TriggerEvent("deploy", Payload.EMPTY, false));
    }

    @Test
    void writesTextPayloadsAsStringsAndBinaryOnesAsBase64() {
        String text = codec.encode(
                new CommandMessage("c", new TriggerEvent("deploy", Payload.ofText("v1.2 ✓"), false)));
        String binary = codec.encode(new CommandMessage("c", new TriggerEvent("blob", Samples.BINARY, false)));

        assertThat(text).contains("\"payload\":\"v1.2 ✓\"");
        assertThat(binary).contains("\"payload\":{\"base64\":\"/wDDKA==\"}");
    }

    @Test
    void refusesToEncodeAClientMessageTheAgentWouldRefuse() {
        WireCodec small = new WireCodec(WireLimits.DEFAULT.withMaxClientMessageBytes(64));
        var message = new CommandMessage("c", new TriggerEvent("deploy", Payload.ofText("x".repeat(100)), false));

        assertThatThrownBy(() -> small.encode(message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit for client messages is 64 bytes");
    }

    @Test
    void decodesServerMessagesLargerThanAClientFrame() throws Exception {
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            members.add(Member.plain("member-" + i, "127.0.0." + (i % 250 + 1), 7946, MemberStatus.ALIVE));
        }
        SnapshotMessage snapshot = new SnapshotMessage(0, members, java.util.Map.of(), List.of());
        String text = codec.encode(snapshot);

        assertThat(text.length()).isGreaterThan(WireLimits.DEFAULT.maxClientMessageBytes());
        assertThat(codec.decodeServer(text)).isEqualTo(snapshot);
    }

    @Test
    void keepsTheTokenOutOfLogs() {
        assertThat(new AuthMessage("s3cret").toString()).doesNotContain("s3cret");
    }
}
