package io.serfnode.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Mailboxes on a clock that moves only when the test says so; every task runs on the test's thread, in
 * time order and, at equal times, in the order posted.
 */
final class ManualMailboxes implements MailboxFactory {
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::at).thenComparingLong(Task::seq));
    private Instant now = Instant.parse("2026-03-01T12:00:00Z");
    private long seq;

    @Override
    public Mailbox open(String child) {
        return new ManualMailbox();
    }

    Instant now() {
        return now;
    }

    /** Runs every task that is due now, including the ones they post. */
    void runPending() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward, running each task when its time comes. */
    void advance(Duration duration) {
        Instant target = now.plus(duration);
        while (!queue.isEmpty() && !queue.peek().at().isAfter(target)) {
            Task task = queue.poll();
            if (task.at().isAfter(now)) {
                now = task.at();
            }
            if (!task.cancelled && !task.mailbox.closed) {
                task.body().run();
            }
        }
        now = target;
    }

    private Task enqueue(ManualMailbox mailbox, Duration delay, Runnable body) {
        Task task = new Task(mailbox, now.plus(delay), seq++, body);
        if (!mailbox.closed) {
            queue.add(task);
        }
        return task;
    }

    private final class ManualMailbox implements Mailbox {
        private boolean closed;

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void post(Runnable task) {
            enqueue(this, Duration.ZERO, task);
        }

        @Override
        public Timer postAfter(Duration delay, Runnable task) {
            Task scheduled = enqueue(this, delay, task);
            return () -> scheduled.cancelled = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class Task {
        private final ManualMailbox mailbox;
        private final Instant at;
        private final long seq;
        private final Runnable body;
        private boolean cancelled;

        Task(ManualMailbox mailbox, Instant at, long seq, Runnable body) {
            this.mailbox = mailbox;
            this.at = at;
            this.seq = seq;
            this.body = body;
        }

        Instant at() {
            return at;
        }

        long seq() {
            return seq;
        }

        Runnable body() {
            return body;
        }
    }
}
