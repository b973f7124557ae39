package io.serfnode.agent.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the cluster payloads: strict about types, tolerant of fields it does not know. */
final class ClusterJson {
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // payloads are at most a few kilobytes: a deeply nested one is garbage, not data
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ClusterJson() {
    }

    /**
     * Reads one payload of {@code name} (an event or query).
     *
     * @param what which payload of it, for the message: "request", "answer of db-1"
     * @throws ClusterPayloadException naming the payload and what is wrong with it
     */
    static <T> T read(byte[] payload, Class<T> type, String name, String what) {
        if (payload == null || payload.length == 0) {
            throw new ClusterPayloadException("empty " + name + " " + what);
        }
        try {
            return MAPPER.readValue(payload, type);
        } catch (java.io.IOException e) {
            throw new ClusterPayloadException("malformed " + name + " " + what + ": " + reason(e), e);
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    /** Where in the document a mapping problem is, like {@code c[0].a: }, or nothing. */
    private static String path(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : "field " + path + ": ";
    }

    /** Jackson's reason without its source excerpt, which would print the whole payload. */
    static String reason(java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jackson) {
            var location = jackson.getLocation();
            String at = location == null || location.getColumnNr() < 0 ? "" : " (at column " + location.getColumnNr() + ")";
            return path(jackson) + jackson.getOriginalMessage() + at;
        }
        return e.getMessage();
    }
}
