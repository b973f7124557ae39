package io.serfnode.agent.serf.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Checks the size arithmetic against messages built independently the way Serf's gossip encoder
 * builds them (legacy raw strings and byte slices, smallest unsigned integers), with the fields only
 * the agent knows at their largest.
 */
class SerfLimitsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 200, 255, 256, 470, 474, 475, 600, 70_000})
    void computesTheExactEncodedUserEventSize(int payloadLength) throws IOException {
        for (String name : List.of("e", "serfnode.sv", "a-name-that-is-longer-than-32-bytes-for-sure", "ünïcødé")) {
            byte[] payload = new byte[payloadLength];

            assertThat(SerfLimits.encodedUserEventSize(name, payload)).isEqualTo(goUserEvent(name, payload).length);
        }
        assertThat(SerfLimits.encodedUserEventSize("e", null)).isEqualTo(goUserEvent("e", null).length);
    }

    @Test
    void allowsAtMost474BytesOfNameAndPayloadWithDefaultLimits() {
        String name = "serfnode.sv"; // 11 bytes
        int max = SerfLimits.DEFAULTS.maxUserEventPayload(name);

        assertThat(name.length() + max).isEqualTo(474);
        assertThatCode(() -> SerfLimits.DEFAULTS.checkUserEvent(name, new byte[max])).doesNotThrowAnyException();
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.checkUserEvent(name, new byte[max + 1]))
                .isInstanceOf(SerfLimitExceededException.class)
                .hasMessageContaining("user event 'serfnode.sv'")
                .hasMessageContaining("UserEventSizeLimit of 512 bytes")
                .hasMessageContaining("513 bytes");
    }

    @Test
    void refusesNameAndPayloadOverTheLimitBeforeEncoding() {
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.withUserEventSizeLimit(9000).checkUserEvent("x", new byte[9000]))
                .isInstanceOf(SerfLimitExceededException.class)
                .hasMessageContaining("name+payload is 9001 bytes");
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.withUserEventSizeLimit(10_000))
                .hasMessageContaining("9216");
    }

    @Test
    void computesTheExactEncodedQuerySize() throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", "web|db");
        tags.put("dc", ".*");
        QueryRequest query = QueryRequest.of("serfnode.restart", new byte[300])
                .withFilterNodes(List.of("node-a", "node-b-with-a-name-longer-than-32-bytes"))
                .withFilterTags(tags).withRequestAck(true).withRelayFactor(3).withTimeout(Duration.ofSeconds(7));

        assertThat(SerfLimits.encodedQuerySize(query, "origin")).isEqualTo(goQuery(query, "origin").length);
        QueryRequest plain = QueryRequest.of("q", null);
        assertThat(SerfLimits.encodedQuerySize(plain, "origin")).isEqualTo(goQuery(plain, "origin").length);
    }

    @Test
    void refusesAnOversizedQueryNamingTheLimit() {
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.checkQuery(QueryRequest.of("q", new byte[1000]), "n1"))
                .isInstanceOf(SerfLimitExceededException.class)
                .hasMessageContaining("query 'q'").hasMessageContaining("QuerySizeLimit of 1024 bytes");
    }

    @Test
    void computesTheExactEncodedQueryResponseSize() throws IOException {
        for (int length : new int[] {0, 31, 32, 900, 1000}) {
            byte[] payload = new byte[length];
            assertThat(SerfLimits.encodedQueryResponseSize(300, "responder", payload))
                    .isEqualTo(goQueryResponse(300, "responder", payload).length);
        }
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.checkQueryResponse(1, "n1", new byte[1000]))
                .isInstanceOf(SerfLimitExceededException.class).hasMessageContaining("QueryResponseSizeLimit");
    }

    @Test
    void computesTheExactEncodedTagsSize() throws IOException {
        Map<String, String> tags = Map.of("role", "web db", "ws", "127.0.0.2:8080", "sn", "1", "long", "x".repeat(40));

        assertThat(SerfLimits.encodedTagsSize(tags)).isEqualTo(goTags(tags).length);
        assertThatThrownBy(() -> SerfLimits.DEFAULTS.checkTags(Map.of("role", "x".repeat(600))))
                .isInstanceOf(SerfLimitExceededException.class).hasMessageContaining("MetaMaxSize of 512 bytes");
    }

    private static MessageBufferPacker legacy() {
        return new MessagePack.PackerConfig().withStr8FormatSupport(false).newBufferPacker();
    }

    private static void raw(MessagePacker out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.packNil();
        } else {
            out.packRawStringHeader(bytes.length).writePayload(bytes);
        }
    }

    private static void raw(MessagePacker out, String s) throws IOException {
        raw(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] goUserEvent(String name, byte[] payload) throws IOException {
        try (MessageBufferPacker out = legacy()) {
            out.writePayload(new byte[] {8});
            out.packMapHeader(4);
            raw(out, "LTime");
            out.packLong(Long.MAX_VALUE);
            raw(out, "Name");
            raw(out, name);
            raw(out, "Payload");
            raw(out, payload);
            raw(out, "CC");
            out.packBoolean(true);
            return out.toByteArray();
        }
    }

    private static byte[] goQuery(QueryRequest query, String source) throws IOException {
        try (MessageBufferPacker out = legacy()) {
            out.writePayload(new byte[] {10});
            out.packMapHeader(11);
            raw(out, "LTime");
            out.packLong(Long.MAX_VALUE);
            raw(out, "ID");
            out.packLong(0xFFFF_FFFFL);
            raw(out, "Addr");
            raw(out, new byte[16]);
            raw(out, "Port");
            out.packInt(65535);
            raw(out, "SourceNode");
            raw(out, source);
            raw(out, "Filters");
            int filters = (query.filterNodes().isEmpty() ? 0 : 1) + query.filterTags().size();
            if (filters == 0) {
                out.packNil();
            } else {
                out.packArrayHeader(filters);
                if (!query.filterNodes().isEmpty()) {
                    try (MessageBufferPacker filter = legacy()) {
                        filter.writePayload(new byte[] {0});
                        filter.packArrayHeader(query.filterNodes().size());
                        for (String node : query.filterNodes()) {
                            raw(filter, node);
                        }
                        raw(out, filter.toByteArray());
                    }
                }
                for (Map.Entry<String, String> tag : query.filterTags().entrySet()) {
                    try (MessageBufferPacker filter = legacy()) {
                        filter.writePayload(new byte[] {1});
                        filter.packMapHeader(2);
                        raw(filter, "Tag");
                        raw(filter, tag.getKey());
                        raw(filter, "Expr");
                        raw(filter, tag.getValue());
                        raw(out, filter.toByteArray());
                    }
                }
            }
            raw(out, "Flags");
            out.packInt(query.requestAck() ? 1 : 0);
            raw(out, "RelayFactor");
            out.packInt(query.relayFactor());
            raw(out, "Timeout");
            out.packLong(query.timeout().isZero() ? Long.MAX_VALUE : query.timeout().toNanos());
            raw(out, "Name");
            raw(out, query.name());
            raw(out, "Payload");
            raw(out, query.payload());
            return out.toByteArray();
        }
    }

    private static byte[] goQueryResponse(long ltime, String from, byte[] payload) throws IOException {
        try (MessageBufferPacker out = legacy()) {
            out.writePayload(new byte[] {11});
            out.packMapHeader(5);
            raw(out, "LTime");
            out.packLong(ltime);
            raw(out, "ID");
            out.packLong(0xFFFF_FFFFL);
            raw(out, "From");
            raw(out, from);
            raw(out, "Flags");
            out.packInt(0);
            raw(out, "Payload");
            raw(out, payload);
            return out.toByteArray();
        }
    }

    private static byte[] goTags(Map<String, String> tags) throws IOException {
        try (MessageBufferPacker out = legacy()) {
            out.writePayload(new byte[] {(byte) 255});
            out.packMapHeader(tags.size());
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                raw(out, tag.getKey());
                raw(out, tag.getValue());
            }
            return out.toByteArray();
        }
    }
}
