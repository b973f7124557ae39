package io.serfnode.agent.cluster.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.SerfLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ViewQueryCodecTest {
    private final ViewQueryCodec codec = ViewQueryCodec.withDefaultLimits();

    @Test
    void carriesAViewThereAndBack() {
        LocalView view = new LocalView("0123456789abcdef", 3, 2, 1, List.of("db-1", "db-2"));

        byte[] answer = codec.encodeAnswer("web-1", 12, view);

        assertThat(codec.decodeAnswer("web-1", answer)).isEqualTo(view);
    }

    @Test
    void namesAsManyFailedMembersAsFitOneResponseAndStillCountsThemAll() {
        List<String> failed = IntStream.range(0, 60).mapToObj(i -> "member-with-a-long-name-%03d".formatted(i)).toList();
        LocalView view = new LocalView("0123456789abcdef", 1, failed.size(), 0, failed);
        String responder = "r".repeat(128);

        byte[] answer = codec.encodeAnswer(responder, -1, view);
        LocalView read = codec.decodeAnswer(responder, answer);

        assertThat(SerfLimits.encodedQueryResponseSize(-1, responder, answer))
                .isLessThanOrEqualTo(SerfLimits.DEFAULTS.queryResponseSizeLimit());
        assertThat(read.failed()).isEqualTo(60);
        assertThat(read.failedMembers()).isNotEmpty().hasSizeLessThan(60)
                .isEqualTo(failed.subList(0, read.failedMembers().size()));
    }

    @Test
    void readsItsOwnRequest() {
        codec.decodeRequest(codec.encodeRequest());
    }

    @Test
    void refusesARequestOfAnotherVersion() {
        assertThatThrownBy(() -> codec.decodeRequest("{\"v\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ViewPayloadException.class)
                .hasMessage("serfnode.view request version 2 is not the version this agent answers (1)");
    }

    @Test
    void refusesUnreadableAnswersNamingTheResponder() {
        assertThatThrownBy(() -> codec.decodeAnswer("web-2", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ViewPayloadException.class)
                .hasMessageStartingWith("serfnode.view answer of web-2 is not valid");
        assertThatThrownBy(() -> codec.decodeAnswer("web-2", null))
                .hasMessage("serfnode.view answer of web-2 is empty");
        assertThatThrownBy(() -> codec.decodeAnswer("web-2",
                "{\"v\":1,\"d\":\"ab\",\"a\":1,\"f\":0,\"l\":0,\"fm\":[\"x\"]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("web-2's answer to serfnode.view: a view names 1 failed members but counts 0");
        assertThatThrownBy(() -> codec.decodeAnswer("web-2",
                "{\"v\":1,\"d\":\"\",\"a\":1,\"f\":0,\"l\":0}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("web-2's answer to serfnode.view has no digest ('d')");
    }
}
