package io.serfnode.agent.cluster.view;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The payloads of {@code serfnode.view}. An answer always fits one serf query response: when the names of
 * the failed members do not all fit, the answer names as many as fit (in name order) and still counts all
 * of them.
 */
public final class ViewQueryCodec {
    /** The query every member answers with its view. */
    public static final String QUERY_NAME = "serfnode.view";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final SerfLimits limits;

    public ViewQueryCodec(SerfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public static ViewQueryCodec withDefaultLimits() {
        return new ViewQueryCodec(SerfLimits.DEFAULTS);
    }

    public byte[] encodeRequest() {
        return write(new ViewRequest(VERSION));
    }

    /** Checks that the request is one this agent answers. */
    public void decodeRequest(byte[] payload) {
        ViewRequest request = read(payload, ViewRequest.class, "request");
        if (request.version() != VERSION) {
            throw new ViewPayloadException(QUERY_NAME + " request version " + request.version()
                    + " is not the version this agent answers (" + VERSION + ")");
        }
    }

    /**
     * The answer of {@code responder} to the query of Lamport time {@code queryLtime} (negative when
     * unknown: the largest is assumed), leaving out failed members' names until it fits.
     */
    public byte[] encodeAnswer(String responder, long queryLtime, LocalView view) {
        int named = view.failedMembers().size();
        while (true) {
            LocalView shown = view.withFirstFailed(named);
            byte[] payload = write(new ViewAnswer(VERSION, shown.digest(), shown.alive(), shown.failed(), shown.left(),
                    shown.failedMembers()));
            if (SerfLimits.encodedQueryResponseSize(queryLtime, responder, payload) <= limits.queryResponseSizeLimit()
                    || named == 0) {
                limits.checkQueryResponse(queryLtime, responder, payload);
                return payload;
            }
            named--;
        }
    }

    public LocalView decodeAnswer(String responder, byte[] payload) {
        ViewAnswer answer = read(payload, ViewAnswer.class, "answer of " + responder);
        if (answer.version() != VERSION) {
            throw new ViewPayloadException(responder + " answered " + QUERY_NAME + " in version " + answer.version()
                    + ", not " + VERSION);
        }
        if (answer.digest() == null || answer.digest().isBlank()) {
            throw new ViewPayloadException(responder + "'s answer to " + QUERY_NAME + " has no digest ('d')");
        }
        List<String> failedMembers = answer.failedMembers() == null ? List.of() : answer.failedMembers();
        if (failedMembers.contains(null)) {
            throw new ViewPayloadException(responder + "'s answer to " + QUERY_NAME + " has a null failed member");
        }
        try {
            return new LocalView(answer.digest(), answer.alive(), answer.failed(), answer.left(), failedMembers);
        } catch (IllegalArgumentException e) {
            throw new ViewPayloadException(responder + "'s answer to " + QUERY_NAME + ": " + e.getMessage(), e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode a " + QUERY_NAME + " payload", e);
        }
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) {
        if (payload == null || payload.length == 0) {
            throw new ViewPayloadException(QUERY_NAME + " " + what + " is empty");
        }
        try {
            return JSON.readValue(payload, type);
        } catch (IOException e) {
            String reason = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new ViewPayloadException(QUERY_NAME + " " + what + " is not valid: " + reason, e);
        }
    }
}
