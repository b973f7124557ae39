package io.serfnode.agent.api.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares tokens in time that depends on neither their content nor their lengths: both are hashed to
 * the same length first, then compared without an early exit.
 */
final class TokenCheck {
    private final byte[] expectedDigest;

    TokenCheck(String expected) {
        this.expectedDigest = digest(expected);
    }

    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(expectedDigest, digest(given));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
