package io.serfnode.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisedChild;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChildrenQueryCodecTest {
    private static final String RESPONDER = "r".repeat(ClusterNames.MAX_NAME_BYTES);

    private final ChildrenQueryCodec codec = ChildrenQueryCodec.withDefaultLimits();

    @Test
    void roundTripsTheRequestedIndex() {
        assertThat(codec.decodeRequest(codec.encodeRequest(0))).isZero();
        assertThat(codec.decodeRequest(codec.encodeRequest(37))).isEqualTo(37);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"v\":1}", "{\"v\":1,\"i\":-1}", "{\"v\":9,\"i\":0}", "{\"v\":1,\"i\":\"x\"}",
            "garbage"})
    void rejectsMalformedRequests(String json) {
        assertThatThrownBy(() -> codec.decodeRequest(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("serfnode.children");
    }

    @Test
    void pagesOneHundredChildrenWithLongNamesWithinTheResponseLimit() {
        List<SupervisedChild> children = ManyChildren.of(100);
        List<KnownChild> collected = new ArrayList<>();
        int from = 0;
        int pages = 0;
        while (true) {
            byte[] payload = codec.encodePage(RESPONDER, -1, 9000, children, from);
            SerfLimits.DEFAULTS.checkQueryResponse(-1, RESPONDER, payload);
            ChildrenPageAnswer page = codec.decodePage(RESPONDER, payload);
            assertThat(page.from()).isEqualTo(from);
            assertThat(page.total()).isEqualTo(100);
            assertThat(page.counter()).isEqualTo(9000);
            assertThat(page.children()).isNotEmpty();
            collected.addAll(page.children());
            pages++;
            if (page.next().isEmpty()) {
                break;
            }
            from = page.next().getAsInt();
        }

        assertThat(pages).isBetween(2, 100);
        assertThat(collected).extracting(KnownChild::name)
                .containsExactlyElementsOf(children.stream().map(c -> c.child().name()).toList());
        assertThat(collected).extracting(KnownChild::status)
                .containsExactlyElementsOf(children.stream().map(SupervisedChild::status).toList());
        assertThat(collected.get(1).summary()).isEqualTo(children.get(1).child().summary());
        assertThat(collected.get(0).summary()).endsWith("…");
        assertThat(ClusterNames.jsonBytes(collected.get(0).summary())).isLessThanOrEqualTo(256);
    }

    @Test
    void answersAnEmptyLastPageForAMemberWithoutChildren() {
        ChildrenPageAnswer page = codec.decodePage("a", codec.encodePage("a", 5, 3, List.of(), 0));

        assertThat(page.children()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.next()).isEmpty();
        assertThat(page.counter()).isEqualTo(3);
    }

    @Test
    void answersAnIndexPastTheEndWithAnEmptyLastPage() {
        ChildrenPageAnswer page = codec.decodePage("a", codec.encodePage("a", 5, 3, ManyChildren.of(2), 7));

        assertThat(page.from()).isEqualTo(2);
        assertThat(page.children()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void dropsOptionalFieldsOfAChildThatWouldNotFitAPageAlone() {
        ChildrenQueryCodec small = new ChildrenQueryCodec(SerfLimits.DEFAULTS.withQueryResponseSizeLimit(400));
        SupervisedChild child = new SupervisedChild(Child.process("web", "x".repeat(300)),
                new ChildStatus(io.serfnode.model.SupervisorState.RUNNING, Instant.EPOCH, 12L, "c".repeat(64), null,
                        1, 0, 4));

        ChildrenPageAnswer page = small.decodePage("a", small.encodePage("a", 1, 4, List.of(child), 0));

        assertThat(page.children()).singleElement().satisfies(known -> {
            assertThat(known.name()).isEqualTo("web");
            assertThat(known.summary()).isNull();
            assertThat(known.status().containerId()).isNull();
            assertThat(known.status().pid()).isEqualTo(12L);
        });
    }

    @Test
    void shortensLongSummariesAtACharacter() {
        String summary = "ä".repeat(300);

        String shortened = ChildrenQueryCodec.shortened(summary);

        assertThat(shortened).endsWith("…").startsWith("ää");
        assertThat(shortened.getBytes(StandardCharsets.UTF_8).length).isBetween(250, 256);
        assertThat(ChildrenQueryCodec.shortened("short")).isEqualTo("short");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"v\":1,\"n\":1,\"tot\":1,\"i\":0}",
            "{\"v\":1,\"n\":1,\"tot\":1,\"i\":0,\"c\":null}",
            "{\"v\":2,\"n\":1,\"tot\":0,\"i\":0,\"c\":[]}",
            "{\"v\":1,\"n\":1,\"tot\":0,\"i\":0,\"c\":[{\"n\":\"x\",\"st\":\"RUNNING\",\"ts\":1,\"k\":1}]}",
            "{\"v\":1,\"n\":1,\"tot\":3,\"i\":0,\"nx\":2,\"c\":[{\"n\":\"x\",\"st\":\"RUNNING\",\"ts\":1,\"k\":1}]}",
            "{\"v\":1,\"n\":1,\"tot\":3,\"i\":0,\"c\":[{\"n\":\"x\",\"st\":\"RUNNING\",\"ts\":1,\"k\":1}]}",
            "{\"v\":1,\"n\":1,\"tot\":1,\"i\":0,\"c\":[{\"n\":\"\",\"st\":\"RUNNING\",\"ts\":1,\"k\":1}]}",
            "{\"v\":1,\"n\":1,\"tot\":1,\"i\":0,\"c\":[{\"n\":\"x\",\"st\":\"RUNNING\",\"ts\":1,\"k\":-1}]}",
            "{\"v\":1,\"n\":1,\"tot\":1,\"i\":0,\"c\":[null]}",
            "{\"v\":1,\"n\":-1,\"tot\":0,\"i\":0,\"c\":[]}",
    })
    void rejectsInconsistentOrMalformedAnswersNamingTheMember(String json) {
        assertThatThrownBy(() -> codec.decodePage("node-b", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ClusterPayloadException.class)
                .hasMessageContaining("node-b");
    }

    @Test
    void readsAnswersWithFieldsItDoesNotKnow() {
        String json = "{\"v\":1,\"n\":4,\"tot\":1,\"i\":0,\"new\":true,"
                + "\"c\":[{\"n\":\"x\",\"st\":\"FATAL\",\"ts\":1,\"k\":3,\"later\":[1]}]}";

        ChildrenPageAnswer page = codec.decodePage("b", json.getBytes(StandardCharsets.UTF_8));

        assertThat(page.children()).singleElement().satisfies(child -> {
            assertThat(child.status().state()).isEqualTo(io.serfnode.model.SupervisorState.FATAL);
            assertThat(child.runtime()).isNull();
        });
    }
}
