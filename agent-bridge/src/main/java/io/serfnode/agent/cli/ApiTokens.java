package io.serfnode.agent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The API token a member generates when it is given none, kept so that it survives restarts. */
final class ApiTokens {
    static final String FILE = "api-token";

    private ApiTokens() {
    }

    /** The token in {@code <stateDir>/api-token}, created (readable by its owner only) on first use. */
    static String keptIn(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Files.createDirectories(stateDir);
            Path temp = Files.createTempFile(stateDir, FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("serfnode agent: generated the API token in " + file.toAbsolutePath()
                    + " (give consoles this file, and every member of the cluster the same one with --token-file)");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the API token in " + file + ": " + e.getMessage(), e);
        }
    }
}
