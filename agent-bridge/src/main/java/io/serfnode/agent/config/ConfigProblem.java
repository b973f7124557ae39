package io.serfnode.agent.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration.
 *
 * @param source     the file (or display name) the problem is in, or {@code environment variable NAME}
 * @param line       1-based line, or 0 when the problem has no place in a text (an environment variable, a
 *                   file that cannot be read)
 * @param column     1-based column, or 0 with {@code line}
 * @param message    the plain reason, for example {@code unknown key 'imgae' in child 'web'}
 * @param suggestion the closest valid spelling, or {@code null}
 */
public record ConfigProblem(String source, int line, int column, String message, String suggestion) {

    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
            throw new IllegalArgumentException("line and column are both positive or both 0: " + line + ":" + column);
        }
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** The message with its suggestion: {@code unknown key 'imgae' in child 'web'; did you mean 'image'?}. */
    public String reason() {
        return suggestion == null ? message : message + "; did you mean '" + suggestion + "'?";
    }

    /** {@code source:line:column: reason}, or {@code source: reason} without a position. */
    @Override
    public String toString() {
        return hasPosition() ? source + ":" + line + ":" + column + ": " + reason() : source + ": " + reason();
    }
}
