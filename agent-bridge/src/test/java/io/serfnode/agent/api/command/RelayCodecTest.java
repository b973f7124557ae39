package io.serfnode.agent.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.QueryRequest;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayCodecTest {
    private static final RelayRequest RESTART = new RelayRequest(1, "restart-child", "web-1", "nginx", "r1", 8000L);

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void writesACompactVersionedCommand() throws Exception {
        byte[] payload = RelayCodec.encodeRequest(RESTART);

        assertThat(text(payload)).isEqualTo(
                "{\"v\":1,\"kind\":\"restart-child\",\"member\":\"web-1\",\"child\":\"nginx\",\"req\":\"r1\",\"waitMs\":8000}");
        assertThat(RelayCodec.decodeRequest(payload)).isEqualTo(RESTART);
    }

    @Test
    void leavesTheChildOutOfALeave() {
        byte[] payload = RelayCodec.encodeRequest(new RelayRequest(1, "leave-member", "web-1", null, "r1", 8000L));

        assertThat(text(payload)).doesNotContain("child");
    }

    @Test
    void fitsTheLongestNamesInOneQuery() {
        String longest = "m".repeat(128);
        byte[] payload = RelayCodec.encodeRequest(new RelayRequest(1, "restart-child", longest, "c".repeat(128),
                "abcdefghijklmnop", 300_000L));
        QueryRequest query = QueryRequest.of(RelayCodec.QUERY_NAME, payload).withFilterNodes(List.of(longest))
                .withRequestAck(true).withTimeout(java.time.Duration.ofMinutes(5));

        SerfLimits.DEFAULTS.checkQuery(query, "s".repeat(128));
    }

    @Test
    void refusesACommandWithoutWhatItNeedsNamingTheField() {
        assertThatThrownBy(() -> RelayCodec.decodeRequest(RelayCodec.encodeRequest(
                new RelayRequest(1, "stop-child", "web-1", null, "r1", 8000L))))
                .isInstanceOf(RelayPayloadException.class)
                .hasMessage("field 'child' is required but missing or empty");
        assertThatThrownBy(() -> RelayCodec.decodeRequest(RelayCodec.encodeRequest(
                new RelayRequest(1, "stop-child", "web-1", "nginx", "r1", 0L))))
                .hasMessage("field 'waitMs' must be positive, found 0");
        assertThatThrownBy(() -> RelayCodec.decodeRequest("{\"kind\":\"stop-child\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the command has no version ('v')");
        assertThatThrownBy(() -> RelayCodec.decodeRequest(
                "{\"v\":\"one\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("the command is not a serfnode.cmd command: field 'v': ");
        assertThatThrownBy(() -> RelayCodec.decodeRequest(new byte[0])).hasMessage("the command is empty");
    }

    @Test
    void readsAnAnswerAndSuppliesAReasonWhenItLacksOne() throws Exception {
        RelayAnswer ok = RelayAnswer.of(CommandOutcome.OK, "child 'nginx' is running", SupervisorState.RUNNING);

        byte[] payload = RelayCodec.encodeAnswer(ok, "web-1", 3, SerfLimits.DEFAULTS);

        assertThat(text(payload)).isEqualTo(
                "{\"v\":1,\"outcome\":\"ok\",\"message\":\"child 'nginx' is running\",\"state\":\"RUNNING\"}");
        assertThat(RelayCodec.decodeAnswer(payload)).isEqualTo(ok);
        assertThat(RelayCodec.decodeAnswer("{\"v\":1,\"outcome\":\"failed\"}".getBytes(StandardCharsets.UTF_8))
                .message()).isEqualTo("the member answered 'failed' without a reason");
        assertThatThrownBy(() -> RelayCodec.decodeAnswer("{\"v\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the answer has no 'outcome'");
    }

    @Test
    void shortensALongMessageUntilTheAnswerFitsSerfsResponseLimit() throws Exception {
        String children = "é".repeat(900);
        RelayAnswer answer = RelayAnswer.rejected("member 'web-1' has no child named 'x'; it has [" + children + "]");

        byte[] payload = RelayCodec.encodeAnswer(answer, "web-1", -1, SerfLimits.DEFAULTS);

        assertThat(SerfLimits.encodedQueryResponseSize(-1, "web-1", payload)).isLessThanOrEqualTo(1024)
                .isGreaterThan(1000);
        RelayAnswer read = RelayCodec.decodeAnswer(payload);
        assertThat(read.message()).startsWith("member 'web-1' has no child named 'x'; it has [ééé").endsWith("...");
        assertThat(read.outcome()).isEqualTo(CommandOutcome.REJECTED);
    }
}
