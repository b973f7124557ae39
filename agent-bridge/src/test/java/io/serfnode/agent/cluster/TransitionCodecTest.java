package io.serfnode.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.SerfLimitExceededException;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.Child;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransitionCodecTest {
    private final TransitionCodec codec = TransitionCodec.withDefaultLimits();

    @Test
    void roundTripsATransitionWithTheChildsDescription() {
        SupervisorStateChanged event = new SupervisorStateChanged(Instant.parse("2024-05-01T10:00:00.123Z"), "node-a",
                "web", SupervisorState.RUNNING, SupervisorState.EXITED, 137, 2, 42);

        ChildTransition decoded = codec.decode(codec.encode(event, Child.docker("web", "nginx:1.27")));

        assertThat(decoded.event()).isEqualTo(event);
        assertThat(decoded.runtime()).isEqualTo(RuntimeKind.DOCKER);
        assertThat(decoded.summary()).isEqualTo("nginx:1.27");
    }

    @Test
    void writesCompactVersionedJson() {
        SupervisorStateChanged event = new SupervisorStateChanged(Instant.ofEpochMilli(1000), "a", "web",
                SupervisorState.STARTING, SupervisorState.RUNNING, null, 1, 7);

        String json = new String(codec.encode(event, null), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\","
                + "\"ts\":1000,\"a\":1,\"n\":7}");
    }

    @Test
    void keepsMillisecondsOfTheTime() {
        SupervisorStateChanged event = new SupervisorStateChanged(Instant.parse("2024-05-01T10:00:00.123456789Z"),
                "a", "web", SupervisorState.STARTING, SupervisorState.RUNNING, null, 1, 7);

        assertThat(codec.decode(codec.encode(event, null)).event().time())
                .isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
    }

    @Test
    void fitsTheWorstCaseTransitionWithNamesAtTheirLimit() {
        String member = "m".repeat(ClusterNames.MAX_NAME_BYTES);
        String child = "c".repeat(ClusterNames.MAX_NAME_BYTES);
        SupervisorStateChanged event = new SupervisorStateChanged(Instant.parse("9999-12-31T23:59:59.999Z"), member,
                child, SupervisorState.STOPPING, SupervisorState.STOPPING, Integer.MIN_VALUE, Integer.MAX_VALUE,
                Long.MAX_VALUE);

        byte[] payload = codec.encode(event, Child.process(child, "x"));

        SerfLimits.DEFAULTS.checkUserEvent(ClusterNames.TRANSITION_EVENT, payload);
        assertThat(codec.decode(payload).event()).isEqualTo(event);
    }

    @Test
    void leavesOutASummaryThatDoesNotFit() {
        SupervisorStateChanged event = Transitions.running("a", "worker", 3);

        byte[] payload = codec.encode(event, Child.process("worker", "/usr/bin/worker --flag " + "x".repeat(600)));

        ChildTransition decoded = codec.decode(payload);
        assertThat(decoded.summary()).isNull();
        assertThat(decoded.runtime()).isEqualTo(RuntimeKind.PROCESS);
        assertThat(decoded.event()).isEqualTo(Transitions.running("a", "worker", 3));
    }

    @Test
    void refusesAChildNameOverItsLimitNamingIt() {
        SupervisorStateChanged event = Transitions.running("a", "c".repeat(129), 1);

        assertThatThrownBy(() -> codec.encode(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("child name 'ccccc")
                .hasMessageContaining("129 bytes")
                .hasMessageContaining("limit of 128 bytes");
    }

    @Test
    void countsEscapesAndMultiByteCharactersInTheNameLimit() {
        // 43 three-byte characters: 129 bytes of UTF-8
        SupervisorStateChanged wide = Transitions.running("€".repeat(43), "web", 1);
        // 65 quotes: each escaped as two bytes
        SupervisorStateChanged quoted = Transitions.running("a", "\"".repeat(65), 1);

        assertThatThrownBy(() -> codec.encode(wide, null)).hasMessageContaining("member name");
        assertThatThrownBy(() -> codec.encode(quoted, null)).hasMessageContaining("130 bytes as JSON");
        assertThat(codec.decode(codec.encode(Transitions.running("€".repeat(42), "\"".repeat(64), 1), null))
                .member()).isEqualTo("€".repeat(42));
    }

    @Test
    void failsWithSerfsLimitWhenTheAgentAllowsLessThanTheDefault() {
        TransitionCodec small = new TransitionCodec(SerfLimits.DEFAULTS.withUserEventSizeLimit(100));

        assertThatThrownBy(() -> small.encode(Transitions.running("a", "c".repeat(100), 1), null))
                .isInstanceOf(SerfLimitExceededException.class)
                .hasMessageContaining("UserEventSizeLimit")
                .hasMessageContaining("serfnode.sv");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,"
                + "\"a\":1,\"n\":7,\"future\":{\"x\":[1,2]},\"zz\":null}";

        ChildTransition decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.event().counter()).isEqualTo(7);
        assertThat(decoded.runtime()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1,2,3]",
            "{\"v\":1}",
            "{\"v\":2,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":7}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":0}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"FLYING\",\"ts\":1000,\"a\":1,\"n\":7}",
            "{\"v\":1,\"m\":\"\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":7}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":null}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":\"soon\",\"a\":1,\"n\":7}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":7} {}",
            "{\"v\":1,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1000,\"a\":1,\"n\":7.5}",
    })
    void rejectsMalformedPayloadsWithAReason(String json) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("serfnode.sv")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void rejectsANewerVersionSayingSo() {
        String json = "{\"v\":2,\"m\":\"a\",\"c\":\"web\",\"f\":\"STARTING\",\"t\":\"RUNNING\",\"ts\":1,\"a\":1,\"n\":7}";

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version 2 is not the version this agent reads (1)");
    }

    @Test
    void rejectsANullPayload() {
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("empty");
    }
}
