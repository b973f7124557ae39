package io.serfnode.agent.serf.rpc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The size limits a Serf agent enforces, checked on the client before anything is sent, so that an
 * oversized request fails with a message that names the limit and both sizes.
 *
 * <p>Serf checks the size of the <em>gossip message</em> it builds from a request: a one-byte
 * message type followed by the msgpack encoding of a Go struct (struct as map, field names as keys,
 * strings and byte slices in the legacy "raw" family: fixraw below 32 bytes, raw16 up to 65535,
 * unsigned integers in their smallest form). This class computes that exact size. A few fields are
 * only known inside the agent when it encodes the message (Lamport times, the random query id, the
 * agent's own address and port); for those the largest possible encoding is assumed, so a request
 * accepted here is never rejected by Serf for its size, and at most those few bytes are given away.
 *
 * <ul>
 *   <li><b>User events</b> ({@code serf/serf.go UserEvent}): {@code len(name)+len(payload)} must be
 *       at most {@link #userEventSizeLimit()} (agent option {@code user_event_size_limit}, default
 *       512, at most 9216), and so must the encoded message
 *       {@code 1 + 1 + 6+9 (LTime) + 5+raw(name) + 8+raw(payload) + 3+1 (CC)} = 34 bytes of
 *       overhead plus the name's and payload's raw headers (1 byte each below 32 bytes, 3 bytes up
 *       to 65535). With a short name and a payload of 32 bytes or more, name+payload may be
 *       {@code 512 - 38 = 474} bytes at most.</li>
 *   <li><b>Queries</b> ({@code Serf.Query}): the encoded {@code messageQuery}, including this
 *       agent's node name and the encoded filters, must be at most {@link #querySizeLimit()}
 *       ({@code query_size_limit}, default 1024).</li>
 *   <li><b>Query responses</b> ({@code Query.Respond}): the encoded {@code messageQueryResponse},
 *       including the responding agent's node name, must be at most
 *       {@link #queryResponseSizeLimit()} ({@code query_response_size_limit}, default 1024).</li>
 *   <li><b>Tags</b> ({@code Serf.SetTags}): the tags after the update, encoded as a magic byte plus
 *       a msgpack map, must be at most {@link #tagsSizeLimit()} (memberlist's {@code MetaMaxSize},
 *       512, not configurable).</li>
 * </ul>
 */
public record SerfLimits(int userEventSizeLimit, int querySizeLimit, int queryResponseSizeLimit, int tagsSizeLimit) {

    /** Serf's hard cap on the configurable user event limit ({@code serf.UserEventSizeLimit}). */
    public static final int USER_EVENT_SIZE_HARD_LIMIT = 9 * 1024;

    /** The defaults of an agent without size options. */
    public static final SerfLimits DEFAULTS = new SerfLimits(512, 1024, 1024, 512);

    private static final int UINT64_MAX_SIZE = 9;
    private static final int UINT32_MAX_SIZE = 5;
    private static final int UINT16_MAX_SIZE = 3;
    private static final int IPV6_ADDRESS_SIZE = 1 + 16;

    public SerfLimits {
        requirePositive("userEventSizeLimit", userEventSizeLimit);
        requirePositive("querySizeLimit", querySizeLimit);
        requirePositive("queryResponseSizeLimit", queryResponseSizeLimit);
        requirePositive("tagsSizeLimit", tagsSizeLimit);
        if (userEventSizeLimit > USER_EVENT_SIZE_HARD_LIMIT) {
            throw new IllegalArgumentException("userEventSizeLimit " + userEventSizeLimit
                    + " is over Serf's hard limit of " + USER_EVENT_SIZE_HARD_LIMIT + " bytes");
        }
    }

    public SerfLimits withUserEventSizeLimit(int bytes) {
        return new SerfLimits(bytes, querySizeLimit, queryResponseSizeLimit, tagsSizeLimit);
    }

    public SerfLimits withQuerySizeLimit(int bytes) {
        return new SerfLimits(userEventSizeLimit, bytes, queryResponseSizeLimit, tagsSizeLimit);
    }

    public SerfLimits withQueryResponseSizeLimit(int bytes) {
        return new SerfLimits(userEventSizeLimit, querySizeLimit, bytes, tagsSizeLimit);
    }

    public SerfLimits withTagsSizeLimit(int bytes) {
        return new SerfLimits(userEventSizeLimit, querySizeLimit, queryResponseSizeLimit, bytes);
    }

    /** Throws {@link SerfLimitExceededException} if Serf would refuse this user event for its size. */
    public void checkUserEvent(String name, byte[] payload) {
        int raw = utf8Length(name) + length(payload);
        if (raw > userEventSizeLimit) {
            throw new SerfLimitExceededException("UserEventSizeLimit", userEventSizeLimit, raw,
                    "user event '" + name + "' name+payload");
        }
        int encoded = encodedUserEventSize(name, payload);
        if (encoded > userEventSizeLimit) {
            throw new SerfLimitExceededException("UserEventSizeLimit", userEventSizeLimit, encoded,
                    "user event '" + name + "' encoded (name " + utf8Length(name) + " + payload " + length(payload)
                            + " + " + (encoded - raw) + " bytes of message overhead)");
        }
    }

    /** The largest payload a user event with this name may carry; negative when the name alone is too long. */
    public int maxUserEventPayload(String name) {
        int nameBytes = utf8Length(name);
        int max = userEventSizeLimit - nameBytes;
        while (max >= 0 && userEventSize(nameBytes, raw(max)) > userEventSizeLimit) {
            max--;
        }
        return max;
    }

    /** The exact size of Serf's user event message, assuming the largest Lamport time. */
    public static int encodedUserEventSize(String name, byte[] payload) {
        return userEventSize(utf8Length(name), bytes(payload));
    }

    private static int userEventSize(int nameBytes, int encodedPayload) {
        return 1 + mapHeader(4)
                + key("LTime") + UINT64_MAX_SIZE
                + key("Name") + raw(nameBytes)
                + key("Payload") + encodedPayload
                + key("CC") + 1;
    }

    /**
     * Throws {@link SerfLimitExceededException} if Serf would refuse this query for its size.
     *
     * @param sourceNode the node name of the agent that will send the query
     */
    public void checkQuery(QueryRequest query, String sourceNode) {
        int encoded = encodedQuerySize(query, sourceNode);
        if (encoded > querySizeLimit) {
            throw new SerfLimitExceededException("QuerySizeLimit", querySizeLimit, encoded,
                    "query '" + query.name() + "' encoded (name " + utf8Length(query.name()) + " + payload "
                            + length(query.payload()) + " + filters and " + (encoded - utf8Length(query.name())
                            - length(query.payload())) + " bytes of message overhead in all)");
        }
    }

    /** The exact size of Serf's query message, assuming the largest Lamport time, id and address. */
    public static int encodedQuerySize(QueryRequest query, String sourceNode) {
        long timeoutNanos = query.timeout().toNanos();
        return 1 + mapHeader(11)
                + key("LTime") + UINT64_MAX_SIZE
                + key("ID") + UINT32_MAX_SIZE
                + key("Addr") + IPV6_ADDRESS_SIZE
                + key("Port") + UINT16_MAX_SIZE
                + key("SourceNode") + raw(utf8Length(sourceNode))
                + key("Filters") + encodedFiltersSize(query.filterNodes(), query.filterTags())
                + key("Flags") + uint(query.requestAck() ? 1 : 0)
                + key("RelayFactor") + uint(query.relayFactor())
                + key("Timeout") + (timeoutNanos == 0 ? UINT64_MAX_SIZE : uint(timeoutNanos))
                + key("Name") + raw(utf8Length(query.name()))
                + key("Payload") + bytes(query.payload());
    }

    /**
     * Throws {@link SerfLimitExceededException} if Serf would refuse this response for its size.
     *
     * @param queryLtime the query's Lamport time, or a negative value when unknown
     * @param responder  the node name of the agent that will send the response
     */
    public void checkQueryResponse(long queryLtime, String responder, byte[] payload) {
        int encoded = encodedQueryResponseSize(queryLtime, responder, payload);
        if (encoded > queryResponseSizeLimit) {
            throw new SerfLimitExceededException("QueryResponseSizeLimit", queryResponseSizeLimit, encoded,
                    "query response encoded (payload " + length(payload) + " + " + (encoded - length(payload))
                            + " bytes of message overhead)");
        }
    }

    /** The exact size of Serf's query response message; an unknown (negative) Lamport time counts as the largest. */
    public static int encodedQueryResponseSize(long queryLtime, String responder, byte[] payload) {
        return 1 + mapHeader(5)
                + key("LTime") + (queryLtime < 0 ? UINT64_MAX_SIZE : uint(queryLtime))
                + key("ID") + UINT32_MAX_SIZE
                + key("From") + raw(utf8Length(responder))
                + key("Flags") + 1
                + key("Payload") + bytes(payload);
    }

    /** Throws {@link SerfLimitExceededException} if the agent would refuse to carry these tags. */
    public void checkTags(Map<String, String> tags) {
        int encoded = encodedTagsSize(tags);
        if (encoded > tagsSizeLimit) {
            throw new SerfLimitExceededException("MetaMaxSize", tagsSizeLimit, encoded,
                    "encoded tags " + tags.keySet());
        }
    }

    /**
     * The exact size of the member meta data Serf builds from these tags: one magic byte and a msgpack
     * map in the legacy raw-string format (the installed binary agrees byte for byte).
     */
    public static int encodedTagsSize(Map<String, String> tags) {
        int size = 1 + mapHeader(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            size += encodedTagSize(tag.getKey(), tag.getValue());
        }
        return size;
    }

    /** What one tag (key and value) adds to {@link #encodedTagsSize}, for naming the largest tag in an error. */
    public static int encodedTagSize(String key, String value) {
        return raw(utf8Length(key)) + raw(utf8Length(value));
    }

    private static int encodedFiltersSize(List<String> nodes, Map<String, String> tags) {
        int count = (nodes.isEmpty() ? 0 : 1) + tags.size();
        if (count == 0) {
            return 1; // a nil slice
        }
        int size = arrayHeader(count);
        if (!nodes.isEmpty()) {
            int filter = 1 + arrayHeader(nodes.size());
            for (String node : nodes) {
                filter += raw(utf8Length(node));
            }
            size += raw(filter);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            int filter = 1 + mapHeader(2) + key("Tag") + raw(utf8Length(tag.getKey()))
                    + key("Expr") + raw(utf8Length(tag.getValue()));
            size += raw(filter);
        }
        return size;
    }

    private static int key(String asciiName) {
        return raw(asciiName.length());
    }

    /** A string or byte slice in the legacy raw family (no raw8). */
    private static int raw(int length) {
        if (length < 32) {
            return 1 + length;
        }
        return length < 65536 ? 3 + length : 5 + length;
    }

    private static int bytes(byte[] payload) {
        return payload == null ? 1 : raw(payload.length);
    }

    private static int uint(long value) {
        if (value < 0) {
            return 9;
        }
        if (value <= 127) {
            return 1;
        }
        if (value <= 0xFF) {
            return 2;
        }
        if (value <= 0xFFFF) {
            return 3;
        }
        return value <= 0xFFFF_FFFFL ? 5 : 9;
    }

    private static int mapHeader(int entries) {
        if (entries < 16) {
            return 1;
        }
        return entries < 65536 ? 3 : 5;
    }

    private static int arrayHeader(int elements) {
        return mapHeader(elements);
    }

    private static int length(byte[] payload) {
        return payload == null ? 0 : payload.length;
    }

    static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
