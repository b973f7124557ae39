package io.serfnode.model.command;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a command ended. */
public enum CommandOutcome {
    /** Done as asked. */
    OK("ok"),
    /** Refused before anything happened: unknown member or child, not allowed, or invalid for the target. */
    REJECTED("rejected"),
    /** Tried and failed; the error says why. */
    FAILED("failed"),
    /** The member that had to act did not answer in time; the command may or may not have taken effect. */
    TIMEOUT("timeout");

    private final String wireName;

    CommandOutcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isOk() {
        return this == OK;
    }
}
