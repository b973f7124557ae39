package io.serfnode.agent.config;

import java.util.Optional;

/** Checks of the member's own values, shared by the file and the environment variables. */
final class MemberValues {
    static final int MAX_NODE_NAME = 128;

    private MemberValues() {
    }

    /** What is wrong with a node name, worded to follow the name of the setting: "must …". */
    static Optional<String> nodeNameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (name.length() > MAX_NODE_NAME) {
            return Optional.of("must have at most " + MAX_NODE_NAME + " characters, not " + name.length());
        }
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("must not contain blanks or control characters, not '" + name + "'");
        }
        return Optional.empty();
    }

    /** What is wrong with an IP address, worded to follow the name of the setting: "must …". */
    static Optional<String> ipProblem(String text) {
        return Addresses.isIpAddress(text) ? Optional.empty()
                : Optional.of("must be an IP address, not '" + text + "'");
    }
}
