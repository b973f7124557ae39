package io.serfnode.agent.runtime.process;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The signals a child may be sent, with their Linux numbers. */
public enum UnixSignal {
    HUP(1), INT(2), QUIT(3), KILL(9), USR1(10), USR2(12), TERM(15);

    private final int number;

    UnixSignal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The exit status a shell reports for a process this signal ended. */
    public int exitCode() {
        return 128 + number;
    }

    /**
     * Reads a signal name as operators write it: {@code TERM}, {@code term} or {@code SIGTERM}.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static UnixSignal parse(String name) {
        if (name != null) {
            String plain = name.strip().toUpperCase(Locale.ROOT);
            String bare = plain.startsWith("SIG") ? plain.substring(3) : plain;
            for (UnixSignal signal : values()) {
                if (signal.name().equals(bare)) {
                    return signal;
                }
            }
        }
        throw new IllegalArgumentException("unknown signal '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
