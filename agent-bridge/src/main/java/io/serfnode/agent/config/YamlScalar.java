package io.serfnode.agent.config;

import java.util.Objects;

/**
 * A scalar with its text exactly as written, so that {@code user: 1000} or {@code DEBUG: yes} keep their
 * spelling; {@code kind} is how YAML would resolve it.
 */
record YamlScalar(Mark mark, Kind kind, String text) implements YamlNode {
    enum Kind { STRING, INTEGER, FLOAT, TRUE, FALSE, NULL }

    YamlScalar {
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    boolean isBoolean() {
        return kind == Kind.TRUE || kind == Kind.FALSE;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER, FLOAT -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "nothing";
        };
    }
}
