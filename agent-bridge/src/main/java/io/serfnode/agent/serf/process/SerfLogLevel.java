package io.serfnode.agent.serf.process;

/** The log levels serf accepts (it refuses anything else at start). */
public enum SerfLogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERR;

    /** The value serf's {@code log_level} key takes. */
    public String configValue() {
        return name();
    }
}
