package io.serfnode.agent.serf.process;

import java.security.SecureRandom;
import java.util.Base64;

/** Serf gossip encryption keys: standard base64 of 16, 24 or 32 bytes (AES-128, -192 or -256). */
public final class SerfEncryptionKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SerfEncryptionKeys() {
    }

    /** A fresh AES-256 key in the form serf takes. */
    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * @param where names the setting in the error message, e.g. {@code "encryptKey of node 'a'"}
     * @throws IllegalArgumentException when the key is not base64 or has the wrong length
     */
    public static void requireValid(String key, String where) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(where + ": the encryption key is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": the encryption key is not standard base64 (" + e.getMessage() + ")");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException(where + ": the encryption key must decode to 16, 24 or 32 bytes, but it decodes to "
                    + bytes.length + " bytes (generate one with: head -c32 /dev/urandom | base64)");
        }
    }
}
