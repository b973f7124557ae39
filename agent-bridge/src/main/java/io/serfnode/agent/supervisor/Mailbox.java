package io.serfnode.agent.supervisor;

import java.time.Duration;
import java.time.Instant;

/**
 * The one owner of a child's supervisor: operator commands, exit reports of the runtime and timers all run
 * as tasks here, one at a time and in the order posted, so the supervisor's state needs no locks. Tests
 * use a manual implementation whose clock only moves when told.
 */
public interface Mailbox extends AutoCloseable {

    /** The mailbox's clock. */
    Instant now();

    /** Runs {@code task} after every task posted before it. Tasks posted after {@link #close()} are dropped. */
    void post(Runnable task);

    /** Runs {@code task} once {@code delay} has passed, unless the returned timer is cancelled first. */
    Timer postAfter(Duration delay, Runnable task);

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Drops pending tasks and timers; the task running now, if any, completes. */
    @Override
    void close();

    /** A pending {@link #postAfter} task. */
    interface Timer {
        /** Keeps the task from running if it has not started yet. */
        void cancel();
    }
}
