package io.serfnode.console.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate fingerprints remembered for trust on first use, one {@code host:port fingerprint} line per
 * agent, like ssh's {@code known_hosts}. Operators may edit the file to forget an agent.
 */
public final class KnownAgents {
    private final Path file;

    public KnownAgents(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The fingerprint remembered for {@code hostPort}, if any. */
    public synchronized Optional<String> fingerprintOf(String hostPort) {
        return Optional.ofNullable(read().get(hostPort));
    }

    /** Remembers {@code fingerprint} for {@code hostPort}, replacing what was there. */
    public synchronized void remember(String hostPort, String fingerprint) {
        Map<String, String> known = read();
        known.put(hostPort, fingerprint);
        StringBuilder text = new StringBuilder("# agents trusted on first use: host:port SHA-256 fingerprint\n");
        known.forEach((agent, print) -> text.append(agent).append(' ').append(print).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".known-agents", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the known agents file " + file, e);
        }
    }

    private Map<String, String> read() {
        Map<String, String> known = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return known;
        }
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(file + ":" + lineNumber
                            + ": expected 'host:port fingerprint', found '" + trimmed + "'");
                }
                known.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known agents file " + file, e);
        }
        return known;
    }
}
