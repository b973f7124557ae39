package io.serfnode.agent.spawn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The payloads of {@code serfnode.config}, the query that fetches a member's {@code serfnode.yml} for "spawn
 * like this member": the request names the first byte wanted, the answer packs as many bytes from there as fit
 * one query response (checked with {@link SerfLimits}'s exact size of the response, responder name included).
 */
final class ConfigQueryCodec {
    static final String QUERY_NAME = "serfnode.config";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final SerfLimits limits;

    ConfigQueryCodec(SerfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    byte[] encodeRequest(int from) {
        return write(new ConfigRequest(VERSION, from));
    }

    int decodeRequest(byte[] payload) {
        ConfigRequest request = read(payload, ConfigRequest.class, "request");
        if (request.version() != VERSION || request.from() < 0) {
            throw new IllegalArgumentException(QUERY_NAME + " request: version " + request.version() + " offset "
                    + request.from() + " is not one this agent answers (version " + VERSION + ", offset >= 0)");
        }
        return request.from();
    }

    /** The page of {@code text} from byte {@code from}, as large as fits one response of {@code responder}. */
    byte[] encodePage(String responder, long queryLtime, String text, int from) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = Math.min(Math.max(from, 0), bytes.length);
        String hash = hash(bytes);
        int low = 0;
        int high = bytes.length - start;
        byte[] best = write(page(bytes, hash, start, 0));
        while (low < high) {
            int take = (low + high + 1) >>> 1;
            byte[] candidate = write(page(bytes, hash, start, take));
            if (SerfLimits.encodedQueryResponseSize(queryLtime, responder, candidate) <= limits.queryResponseSizeLimit()) {
                low = take;
                best = candidate;
            } else {
                high = take - 1;
            }
        }
        limits.checkQueryResponse(queryLtime, responder, best);
        return best;
    }

    private static ConfigPage page(byte[] bytes, String hash, int start, int length) {
        return new ConfigPage(VERSION, bytes.length, hash,
                start, Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, start, start + length)));
    }

    /** A page as {@code member} answered it; its data decoded. */
    Page decodePage(String member, byte[] payload) {
        ConfigPage page = read(payload, ConfigPage.class, "answer of " + member);
        String where = QUERY_NAME + " answer of " + member;
        if (page.version() != VERSION) {
            throw new IllegalArgumentException(where + ": version " + page.version() + ", this agent reads "
                    + VERSION);
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(page.data());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field 'd' is not base64: " + e.getMessage(), e);
        }
        if (page.from() < 0 || page.total() < 0 || page.total() > MemberConfiguration.MAX_BYTES
                || page.from() + data.length > page.total()) {
            throw new IllegalArgumentException(where + ": bytes " + page.from() + ".." + (page.from() + data.length)
                    + " do not fit a text of " + page.total() + " bytes (at most " + MemberConfiguration.MAX_BYTES
                    + ")");
        }
        if (data.length == 0 && page.from() < page.total()) {
            throw new IllegalArgumentException(where + ": an empty page at offset " + page.from() + " of "
                    + page.total());
        }
        return new Page(page.total(), page.hash(), page.from(), data);
    }

    /** A decoded page. */
    record Page(int total, String hash, int from, byte[] data) {
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) {
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("empty " + QUERY_NAME + " " + what);
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (java.io.IOException e) {
            String reason = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("malformed " + QUERY_NAME + " " + what + ": " + reason, e);
        }
    }
}
