package io.serfnode.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The bytes of a user event or query. Serf carries opaque bytes, so a payload is bytes first; most payloads
 * are UTF-8 text (often JSON), which {@link #asText()} exposes. Immutable, with value equality (a record
 * holding a {@code byte[]} would compare by identity).
 */
public final class Payload {
    /** No bytes: what an event without a payload carries. */
    public static final Payload EMPTY = new Payload(new byte[0]);

    private final byte[] bytes;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A payload holding a copy of {@code bytes}. */
    public static Payload of(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("payload bytes must not be null (use Payload.EMPTY)");
        }
        return bytes.length == 0 ? EMPTY : new Payload(bytes.clone());
    }

    /** The UTF-8 bytes of {@code text}. */
    public static Payload ofText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("payload text must not be null (use Payload.EMPTY)");
        }
        return text.isEmpty() ? EMPTY : new Payload(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The bytes as text when they are well-formed UTF-8; empty for binary payloads. */
    public Optional<String> asText() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    public boolean isText() {
        return asText().isPresent();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Text payloads as themselves, binary ones in Base64, so logs stay readable. */
    @Override
    public String toString() {
        return asText().map(text -> "Payload[" + text + "]")
                .orElseGet(() -> "Payload[base64:" + Base64.getEncoder().encodeToString(bytes) + "]");
    }
}
