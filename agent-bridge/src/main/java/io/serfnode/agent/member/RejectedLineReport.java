package io.serfnode.agent.member;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.serfnode.agent.serf.rpc.SerfLimits;
import io.serfnode.model.ProtocolVersion;

/**
 * The cluster event {@value #EVENT_NAME}: a member's {@code parent} FIFO received a line that raised no
 * event. The excerpt is shortened until the event fits serf's size limit.
 */
final class RejectedLineReport {
    static final String EVENT_NAME = "serfnode.fifo-rejected";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Payload(
            @JsonProperty("v") int version,
            @JsonProperty("member") String member,
            @JsonProperty("line") long line,
            @JsonProperty("reason") String reason,
            @JsonProperty("excerpt") String excerpt) {
    }

    private RejectedLineReport() {
    }

    static byte[] encode(String member, String reason, String excerpt, long line, SerfLimits limits) {
        String shortReason = reason;
        String shortExcerpt = excerpt;
        while (true) {
            byte[] bytes = write(new Payload(ProtocolVersion.CURRENT, member, line, shortReason, shortExcerpt));
            try {
                limits.checkUserEvent(EVENT_NAME, bytes);
                return bytes;
            } catch (RuntimeException tooLarge) {
                if (!shortExcerpt.isEmpty()) {
                    shortExcerpt = shortExcerpt.substring(0, shortExcerpt.length() / 2);
                } else if (shortReason.length() > 40) {
                    shortReason = shortReason.substring(0, shortReason.length() / 2) + "…";
                } else {
                    throw tooLarge;
                }
            }
        }
    }

    private static byte[] write(Payload payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the rejected-line report: " + e.getMessage(), e);
        }
    }
}
