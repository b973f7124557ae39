package io.serfnode.model.wire;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a message was refused, for clients that react by kind rather than by text. */
public enum ErrorCode {
    /** Not a well-formed message: bad JSON, wrong shape, missing or invalid field. */
    MALFORMED("malformed"),
    /** The message's {@code v} is a protocol version this side does not speak. */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The message is longer than the frame limit. */
    TOO_LARGE("too-large"),
    /** A well-formed message that is not acceptable now, such as a second {@code auth}. */
    UNEXPECTED("unexpected");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
