package io.serfnode.console.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** Reads and atomically replaces the console's small properties files. */
final class SettingsFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SettingsFiles() {
    }

    /** Where the console keeps its files: {@code $XDG_CONFIG_HOME/serfnode}, else {@code ~/.config/serfnode}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("serfnode");
    }

    static Properties read(Path file) {
        Properties properties = new Properties();
        if (!Files.exists(file)) {
            return properties;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /**
     * Replaces {@code file} with {@code properties} in one step. With {@code ownerOnly} the file is readable
     * by its owner alone from the moment it exists (it may hold secrets).
     */
    static void write(Path file, Properties properties, String comment, boolean ownerOnly) {
        StringWriter text = new StringWriter();
        text.append("# ").append(comment).append('\n');
        // sorted, so that the file reads well and diffs stay small
        new TreeMap<>(properties).forEach((key, value) -> {
            Properties single = new Properties();
            single.setProperty((String) key, (String) value);
            StringWriter line = new StringWriter();
            try {
                single.store(line, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        });
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path temporary = posix && ownerOnly
                    ? Files.createTempFile(directory, ".settings", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(directory, ".settings", ".tmp");
            try {
                Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
                if (posix && ownerOnly) {
                    Files.setPosixFilePermissions(temporary, OWNER_ONLY);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
