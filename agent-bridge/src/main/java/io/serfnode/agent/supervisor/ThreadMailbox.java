package io.serfnode.agent.supervisor;

import io.serfnode.agent.support.ComponentLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A mailbox served by one dedicated daemon thread, on the system clock. */
public final class ThreadMailbox implements Mailbox {
    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final ComponentLog log;

    private ThreadMailbox(String threadName, Clock clock, ComponentLog log) {
        this.executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(threadName).daemon().factory());
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.clock = clock;
        this.log = log;
    }

    /** Mailboxes for the children of {@code member}, each on a thread named after member and child. */
    public static MailboxFactory factory(String member) {
        ComponentLog log = ComponentLog.of(member, "supervisor");
        return child -> new ThreadMailbox("supervisor-" + member + "-" + child, Clock.systemUTC(), log);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void post(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            // closed: the supervisor is gone and nobody waits for the task
        }
    }

    @Override
    public Timer postAfter(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public boolean isClosed() {
        return executor.isShutdown();
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // a failing task must not take the owner thread and every later task with it
                log.error(e, "supervisor task failed");
            }
        };
    }
}
