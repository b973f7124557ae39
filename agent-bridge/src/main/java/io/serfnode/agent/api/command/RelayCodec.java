package io.serfnode.agent.api.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StopChild;
import java.io.IOException;
import java.util.Set;

/**
 * Reads and writes the {@code serfnode.cmd} query and its answers: compact JSON, versioned, checked field by
 * field so that a bad payload is refused with a sentence saying what is wrong.
 */
final class RelayCodec {
    /** The query that relays an operator command to the member that carries it out. */
    static final String QUERY_NAME = "serfnode.cmd";
    static final int VERSION = 1;
    static final Set<String> KINDS = Set.of(RestartChild.KIND, StopChild.KIND, StartChild.KIND, LeaveMember.KIND,
            SpawnMember.KIND);
    private static final Set<String> CHILD_KINDS = Set.of(RestartChild.KIND, StopChild.KIND, StartChild.KIND);
    private static final String ELLIPSIS = "...";

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // a relayed command is a flat object of a few hundred bytes: anything nested is garbage
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private RelayCodec() {
    }

    static byte[] encodeRequest(RelayRequest request) {
        return write(request);
    }

    /** Reads a relayed command; refuses unknown kinds, missing fields and newer versions by name. */
    static RelayRequest decodeRequest(byte[] payload) throws RelayPayloadException {
        RelayRequest request = read(payload, RelayRequest.class, "command");
        if (request.version() == null || request.version() < 1) {
            throw new RelayPayloadException("the command has no version ('v')");
        }
        if (request.version() > VERSION) {
            throw new RelayPayloadException("the command is in " + QUERY_NAME + " version " + request.version()
                    + ", this member reads version " + VERSION);
        }
        requireText(request.kind(), "kind");
        if (!KINDS.contains(request.kind())) {
            throw new RelayPayloadException("this member cannot carry out '" + request.kind() + "' commands; it knows "
                    + KINDS.stream().sorted().toList());
        }
        requireText(request.member(), "member");
        requireText(request.request(), "req");
        if (CHILD_KINDS.contains(request.kind())) {
            requireText(request.child(), "child");
        }
        if (SpawnMember.KIND.equals(request.kind())) {
            if (request.spawn() == null) {
                throw new RelayPayloadException("field 'spawn' is required for " + SpawnMember.KIND + " but missing");
            }
            try {
                request.spawn().toCommand(request.member());
            } catch (IllegalArgumentException e) {
                throw new RelayPayloadException("field 'spawn': " + e.getMessage(), e);
            }
        }
        if (request.waitMs() == null) {
            throw new RelayPayloadException("field 'waitMs' is required but missing");
        }
        if (request.waitMs() <= 0) {
            throw new RelayPayloadException("field 'waitMs' must be positive, found " + request.waitMs());
        }
        return request;
    }

    /**
     * The answer as bytes that serf accepts as a response from {@code responder}: a message too long for the
     * response size limit is shortened, ending in {@value #ELLIPSIS}.
     *
     * @param queryLtime the query's Lamport time (part of the response's size)
     */
    static byte[] encodeAnswer(RelayAnswer answer, String responder, long queryLtime, SerfLimits limits) {
        byte[] whole = write(answer);
        if (fits(whole, responder, queryLtime, limits)) {
            return whole;
        }
        String message = answer.message() == null ? "" : answer.message();
        // the longest prefix (in code points, so no character is split) that fits with the ellipsis
        int fitting = -1;
        byte[] best = null;
        int low = 0;
        int high = message.codePointCount(0, message.length()) - 1;
        while (low <= high) {
            int keep = (low + high) >>> 1;
            byte[] candidate = write(answer.withMessage(message.substring(0, message.offsetByCodePoints(0, keep))
                    + ELLIPSIS));
            if (fits(candidate, responder, queryLtime, limits)) {
                fitting = keep;
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        if (fitting < 0) {
            throw new IllegalStateException("the answer of " + responder + " does not fit serf's query response "
                    + "limit of " + limits.queryResponseSizeLimit() + " bytes even without a message");
        }
        return best;
    }

    private static boolean fits(byte[] bytes, String responder, long queryLtime, SerfLimits limits) {
        return SerfLimits.encodedQueryResponseSize(queryLtime, responder, bytes) <= limits.queryResponseSizeLimit();
    }

    /** Reads an answer; an answer that is not ok always comes out with a message. */
    static RelayAnswer decodeAnswer(byte[] payload) throws RelayPayloadException {
        RelayAnswer answer = read(payload, RelayAnswer.class, "answer");
        if (answer.outcome() == null) {
            throw new RelayPayloadException("the answer has no 'outcome'");
        }
        if (!answer.outcome().isOk() && (answer.message() == null || answer.message().isBlank())) {
            return answer.withMessage("the member answered '" + answer.outcome().wireName() + "' without a reason");
        }
        return answer;
    }

    private static void requireText(String value, String field) throws RelayPayloadException {
        if (value == null || value.isBlank()) {
            throw new RelayPayloadException("field '" + field + "' is required but missing or empty");
        }
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) throws RelayPayloadException {
        if (payload == null || payload.length == 0) {
            throw new RelayPayloadException("the " + what + " is empty");
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (IOException e) {
            throw new RelayPayloadException("the " + what + " is not a " + QUERY_NAME + " " + what + ": " + reason(e), e);
        }
    }

    /** Jackson's reason with the field it concerns, without the excerpt of the payload it would add. */
    private static String reason(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().getLast().getFieldName();
            if (field != null) {
                return "field '" + field + "': " + mapping.getOriginalMessage();
            }
        }
        if (e instanceof JsonProcessingException jackson) {
            return jackson.getOriginalMessage();
        }
        return e.getMessage();
    }
}
