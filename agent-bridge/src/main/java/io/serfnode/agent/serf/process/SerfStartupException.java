package io.serfnode.agent.serf.process;

import java.util.List;

/** A serf agent could not be started or did not become ready; carries serf's own last output lines. */
public class SerfStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> output;

    public SerfStartupException(String message, List<String> output) {
        this(message, output, null);
    }

    public SerfStartupException(String message, List<String> output, Throwable cause) {
        super(message + describe(output), cause);
        this.output = List.copyOf(output);
    }

    /** Serf's recent output lines, oldest first. */
    public List<String> output() {
        return output;
    }

    private static String describe(List<String> output) {
        if (output.isEmpty()) {
            return "; serf printed nothing";
        }
        return "; serf's last output:\n  | " + String.join("\n  | ", output);
    }
}
