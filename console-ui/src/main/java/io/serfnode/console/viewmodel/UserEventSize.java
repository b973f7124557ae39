package io.serfnode.console.viewmodel;

import java.nio.charset.StandardCharsets;

/**
 * How many bytes of a user event Serf will accept. Serf refuses an event whose gossip message is larger
 * than its user event limit (512 bytes unless the agents are configured otherwise): a type byte and a
 * msgpack map of LTime, Name, Payload and CC. With the largest Lamport time assumed, a short name leaves
 * about 470 bytes for name and payload together (docs/protocol.md, Limits).
 */
public record UserEventSize(int limit) {
    /** Serf's default {@code user_event_size_limit}. */
    public static final UserEventSize DEFAULT = new UserEventSize(512);

    private static final int LTIME_MAX = 9;

    public UserEventSize {
        if (limit < 1) {
            throw new IllegalArgumentException("user event size limit must be positive, found " + limit);
        }
    }

    /** Bytes of name and payload as the operator typed them. */
    public static int used(String name, byte[] payload) {
        return utf8(name) + payload.length;
    }

    /** The most name + payload bytes an event with this name may carry (Serf's raw headers grow with length). */
    public int maxFor(String name) {
        int nameBytes = utf8(name);
        int payload = limit - nameBytes;
        while (payload > 0 && encoded(nameBytes, payload) > limit) {
            payload--;
        }
        return Math.max(0, payload) + nameBytes;
    }

    public boolean fits(String name, byte[] payload) {
        return used(name, payload) <= limit && encoded(utf8(name), payload.length) <= limit;
    }

    private static int encoded(int nameBytes, int payloadBytes) {
        return 1 + 1 + key("LTime") + LTIME_MAX + key("Name") + raw(nameBytes) + key("Payload") + raw(payloadBytes)
                + key("CC") + 1;
    }

    private static int key(String name) {
        return raw(name.length());
    }

    private static int raw(int length) {
        if (length < 32) {
            return 1 + length;
        }
        return length < 65536 ? 3 + length : 5 + length;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
