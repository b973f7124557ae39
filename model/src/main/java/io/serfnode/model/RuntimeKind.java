package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a member runs a child. */
public enum RuntimeKind {
    /** A Docker container, started through the Docker engine. */
    DOCKER("docker"),
    /** A plain operating-system process. */
    PROCESS("process");

    private final String wireName;

    RuntimeKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in {@code serfnode.yml} and on the wire. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
