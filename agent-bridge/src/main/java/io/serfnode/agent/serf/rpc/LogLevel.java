package io.serfnode.agent.serf.rpc;

/** Minimum level of the log lines a {@code monitor} stream delivers. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERR
}
