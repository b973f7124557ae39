package io.serfnode.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransitionsQueryCodecTest {
    private static final String MEMBER = "m".repeat(ClusterNames.MAX_NAME_BYTES);
    private static final String CHILD = "c".repeat(ClusterNames.MAX_NAME_BYTES);

    private final TransitionsQueryCodec codec = TransitionsQueryCodec.withDefaultLimits();

    @Test
    void roundTripsTheRequestedRange() {
        TransitionsRequest request = codec.decodeRequest(codec.encodeRequest(5, 9));

        assertThat(request.first()).isEqualTo(5);
        assertThat(request.last()).isEqualTo(9);
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encodeRequest(9, 5))
                .withMessageContaining("9 to 5 are not a range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"v\":1,\"f\":1}", "{\"v\":1,\"f\":0,\"l\":3}", "{\"v\":1,\"f\":4,\"l\":3}",
            "{\"v\":2,\"f\":1,\"l\":3}", "{\"v\":1,\"f\":\"x\",\"l\":3}", "garbage"})
    void rejectsMalformedRequestsSayingWhatIsWrong(String json) {
        assertThatThrownBy(() -> codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("serfnode.transitions");
    }

    @Test
    void pagesTransitionsWithLongNamesWithinTheResponseLimitAndLeavesOutSummaries() {
        RecentTransitions recent = new RecentTransitions(100);
        for (long counter = 1; counter <= 40; counter++) {
            recent.record(new ChildTransition(Transitions.transition(MEMBER, CHILD, SupervisorState.STARTING,
                    SupervisorState.RUNNING, counter), RuntimeKind.DOCKER, "image:" + "x".repeat(300)));
        }
        List<ChildTransition> collected = new ArrayList<>();
        long from = 3;
        int pages = 0;
        while (from <= 40) {
            byte[] payload = codec.encodePage(MEMBER, -1, recent.range(from, 40));
            SerfLimits.DEFAULTS.checkQueryResponse(-1, MEMBER, payload);
            TransitionsPageAnswer page = codec.decodePage(MEMBER, payload);
            assertThat(page.oldestHeld()).isEqualTo(1);
            assertThat(page.transitions()).isNotEmpty();
            collected.addAll(page.transitions());
            pages++;
            from = page.next().orElse(Long.MAX_VALUE);
        }

        assertThat(pages).isBetween(2, 38);
        assertThat(collected).extracting(ChildTransition::counter)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(3, 40).boxed().toList());
        assertThat(collected).allSatisfy(transition -> {
            assertThat(transition.summary()).isNull();
            assertThat(transition.runtime()).isEqualTo(RuntimeKind.DOCKER);
            assertThat(transition.event().to()).isEqualTo(SupervisorState.RUNNING);
        });
    }

    @Test
    void answersAnEmptyLastPageWhenNothingOfTheRangeIsHeld() {
        TransitionsPageAnswer page = codec.decodePage("a", codec.encodePage("a", 7,
                new RecentTransitions.Slice(List.of(), 12)));

        assertThat(page.transitions()).isEmpty();
        assertThat(page.next()).isEmpty();
        assertThat(page.oldestHeld()).isEqualTo(12);
    }

    @Test
    void refusesAnAnswerWithAnotherMembersTransitions() {
        byte[] payload = codec.encodePage("a", 7, new RecentTransitions.Slice(
                List.of(Transitions.gossiped("b", "web", 3)), 1));

        assertThatThrownBy(() -> codec.decodePage("a", payload))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("serfnode.transitions answer of a: transition 0 is of member 'b'");
    }

    @Test
    void refusesAnAnswerOutOfCounterOrder() {
        byte[] payload = codec.encodePage("a", 7, new RecentTransitions.Slice(
                List.of(Transitions.gossiped("a", "web", 3), Transitions.gossiped("a", "web", 2)), 1));

        assertThatThrownBy(() -> codec.decodePage("a", payload))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("transition 1 has counter 2, not after the one before (3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"v\":1,\"o\":1}", "{\"v\":1,\"o\":-1,\"t\":[]}", "{\"v\":3,\"o\":1,\"t\":[]}",
            "{\"v\":1,\"o\":1,\"t\":[null]}", "{\"v\":1,\"o\":1,\"t\":[{\"v\":1}]}", "[1]"})
    void rejectsMalformedAnswersSayingWhatIsWrong(String json) {
        assertThatThrownBy(() -> codec.decodePage("a", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("serfnode.transitions");
    }
}
