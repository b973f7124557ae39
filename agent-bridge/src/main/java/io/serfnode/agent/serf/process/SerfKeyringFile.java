package io.serfnode.agent.serf.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Serf's keyring file: a JSON list of base64 keys, the first one used for sending. Serf rewrites the file itself
 * when keys are installed or removed over RPC, so it must stay writable by the serf process.
 */
public final class SerfKeyringFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SerfKeyringFile() {
    }

    /** Writes the keyring, owner-only; the first key becomes the primary one. */
    public static void write(Path file, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("keyring file " + file + ": needs at least one key");
        }
        for (int i = 0; i < keys.size(); i++) {
            SerfEncryptionKeys.requireValid(keys.get(i), "keyring file " + file + ", key " + i);
        }
        try {
            OwnerOnlyFiles.write(file, JSON.writeValueAsString(keys.stream().map(String::strip).toList())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render keyring file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keyring file " + file, e);
        }
    }
}
