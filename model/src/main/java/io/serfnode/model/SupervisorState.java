package io.serfnode.model;

/**
 * A child's state under supervision, with the names and meaning of supervisord's process states so
 * operators recognise them. On the wire the constant name is used as is ({@code "RUNNING"}).
 */
public enum SupervisorState {
    /** Stopped on request, or never started. No process exists. */
    STOPPED,
    /** Being started on request or by autorestart; it becomes RUNNING once it stays up for {@code startsecs}. */
    STARTING,
    /** Up and past {@code startsecs}. */
    RUNNING,
    /**
     * Exited before {@code startsecs}; it will be started again after a growing delay (1 s, 2 s, 3 s …)
     * until {@code startretries} attempts have failed, then it goes to FATAL.
     */
    BACKOFF,
    /** Being stopped on request: the stop signal was sent and the supervisor waits up to {@code stopwaitsecs}. */
    STOPPING,
    /**
     * Exited on its own from RUNNING, expectedly or not (see the exit code and {@code exitcodes}); autorestart
     * may start it again.
     */
    EXITED,
    /** Could not be started: {@code startretries} attempts ended in BACKOFF. Stays until started by hand. */
    FATAL,
    /** The supervisor does not know the state: nothing has been reported yet, or the report was lost. */
    UNKNOWN;

    /** Up and past {@code startsecs}: the only state in which the child is doing its job. */
    public boolean isRunning() {
        return this == RUNNING;
    }

    /**
     * No process exists and the supervisor is not in the middle of starting or stopping one
     * (supervisord's "stopped states"). An EXITED child may still be restarted by autorestart.
     */
    public boolean isTerminal() {
        return this == STOPPED || this == EXITED || this == FATAL;
    }

    /** The supervisor is moving the child between states on its own. */
    public boolean isTransitional() {
        return this == STARTING || this == BACKOFF || this == STOPPING;
    }

    /** The child needs an operator: it failed to start or its state is not known. */
    public boolean needsAttention() {
        return this == FATAL || this == UNKNOWN;
    }
}
