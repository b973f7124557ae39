package io.serfnode.console.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a cluster token from a file, as the agents read {@code --token-file}: the text, trimmed. */
public final class TokenFile {
    private TokenFile() {
    }

    /** The token in {@code file}; an unreadable or empty file is refused with a message naming it. */
    public static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the token file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the token file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the token file " + file + " is empty");
        }
        return text;
    }
}
