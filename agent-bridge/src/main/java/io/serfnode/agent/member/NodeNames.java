package io.serfnode.agent.member;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A member's node name, stable across restarts: a name picked once is kept in the state directory, so a
 * restarted member comes back as itself instead of as a new member beside a failed ghost of the old one.
 */
public final class NodeNames {
    static final String FILE = "node-name";

    private NodeNames() {
    }

    /**
     * The explicit name when there is one; otherwise the name this state directory already has; otherwise a
     * new one ({@code <host>-<6 hex digits>}), remembered for next time.
     */
    public static String resolve(Path stateDir, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String fresh = hostName() + "-" + HexFormat.of().formatHex(randomBytes(3));
            Files.createDirectories(stateDir);
            Path temp = Files.createTempFile(stateDir, FILE, ".tmp");
            Files.writeString(temp, fresh + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node name in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            String cleaned = host.replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
            int dot = cleaned.indexOf('.');
            return cleaned.isEmpty() ? "member" : dot > 0 ? cleaned.substring(0, dot) : cleaned;
        } catch (IOException e) {
            return "member";
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
