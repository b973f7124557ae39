package io.serfnode.agent.config;

/** Where something starts in a YAML text: 1-based line and column. */
record Mark(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
