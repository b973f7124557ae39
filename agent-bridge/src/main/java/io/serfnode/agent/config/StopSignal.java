package io.serfnode.agent.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The signals a child may be stopped with, as supervisord names them. */
final class StopSignal {
    static final List<String> NAMES = List.of("TERM", "INT", "QUIT", "HUP", "KILL", "USR1", "USR2");

    private StopSignal() {
    }

    /** {@code sigterm}, {@code SIGTERM} and {@code term} all read as {@code TERM}. */
    static Optional<String> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }
}
