package io.serfnode.agent.runtime.process;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signals this process ignores, as Linux reports them ({@code SigIgn} in {@code /proc/self/status}). A
 * process started with {@code nohup} ignores HUP, and one started in the background by a script ignores INT
 * and QUIT; every process it starts inherits that, and a shell among them cannot even trap those signals.
 */
final class IgnoredSignals {
    private static final String FIELD = "SigIgn:";

    private IgnoredSignals() {
    }

    /** The signals a child may be sent that this process ignores; none when Linux does not say. */
    static Set<UnixSignal> ofThisProcess() {
        try {
            return parse(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException | RuntimeException unreadable) {
            return EnumSet.noneOf(UnixSignal.class);
        }
    }

    /**
     * The ignored signals among those a child may be sent, read from the text of a {@code /proc/PID/status}.
     *
     * @throws IllegalArgumentException when it has no readable {@code SigIgn} line
     */
    static Set<UnixSignal> parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith(FIELD)) {
                String mask = line.substring(FIELD.length()).strip();
                BigInteger bits;
                try {
                    bits = new BigInteger(mask, 16);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unreadable " + FIELD + " mask '" + mask + "'", e);
                }
                Set<UnixSignal> ignored = EnumSet.noneOf(UnixSignal.class);
                for (UnixSignal signal : UnixSignal.values()) {
                    if (signal != UnixSignal.KILL && bits.testBit(signal.number() - 1)) {
                        ignored.add(signal);
                    }
                }
                return ignored;
            }
        }
        throw new IllegalArgumentException("no " + FIELD + " line in the process status");
    }
}
