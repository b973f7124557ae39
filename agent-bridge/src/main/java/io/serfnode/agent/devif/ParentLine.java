package io.serfnode.agent.devif;

/** What one line written to the {@code parent} FIFO means. */
sealed interface ParentLine {

    /** A valid event request. */
    record Event(String name, byte[] payload) implements ParentLine {
    }

    /** A line that raises nothing, and why. */
    record Rejected(String reason) implements ParentLine {
    }

    /** An empty or blank line, skipped without complaint. */
    record Blank() implements ParentLine {
    }
}
