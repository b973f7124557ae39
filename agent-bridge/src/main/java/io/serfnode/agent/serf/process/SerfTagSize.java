package io.serfnode.agent.serf.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of a member's tags as serf gossips them, so that oversized tags are refused before serf starts
 * (serf itself only says "Encoded length of tags exceeds limit of 512 bytes").
 *
 * <p>Serf encodes tags as one magic byte followed by a msgpack map in the old raw-string format (no str8), which
 * the installed binary confirms byte for byte.
 */
public final class SerfTagSize {
    /** Serf's (memberlist's) limit for a member's encoded metadata. */
    public static final int LIMIT_BYTES = 512;

    private SerfTagSize() {
    }

    public static int encodedBytes(Map<String, String> tags) {
        int size = 1 + containerHeader(tags.size(), 16);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            size += stringBytes(tag.getKey()) + stringBytes(tag.getValue());
        }
        return size;
    }

    /** The encoded size of one tag (key and value), for naming the largest tag in an error. */
    public static int encodedBytes(String key, String value) {
        return stringBytes(key) + stringBytes(value);
    }

    private static int stringBytes(String text) {
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        return containerHeader(length, 32) + length;
    }

    private static int containerHeader(int length, int fixLimit) {
        if (length < fixLimit) {
            return 1;
        }
        return length < 65536 ? 3 : 5;
    }
}
