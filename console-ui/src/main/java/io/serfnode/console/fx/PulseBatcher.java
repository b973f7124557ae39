package io.serfnode.console.fx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue behind every {@link UiThread}: tasks from any thread, drained in order by whoever owns the UI
 * thread, coalesced tasks last and once per key. Kept free of the toolkit so its order is testable.
 */
public final class PulseBatcher {
    private static final Logger LOG = Logger.getLogger(PulseBatcher.class.getName());

    private final LongSupplier clock;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    // ConcurrentLinkedQueue.size() walks the queue: with a backlog of thousands that cost every pulse
    private final AtomicInteger queued = new AtomicInteger();

    /** A batcher whose time budgets are read on {@link System#nanoTime()}. */
    public PulseBatcher() {
        this(System::nanoTime);
    }

    /**
     * A batcher whose time budgets are read on {@code clock} (nanoseconds): the UI thread's CPU time keeps a
     * budget meaning the same on a busy machine, where the wall clock also counts the time the thread waited.
     */
    public PulseBatcher(LongSupplier clock) {
        this.clock = clock;
    }

    private record Coalesced(Object key, Runnable task) {
    }

    public void post(Runnable task) {
        queued.incrementAndGet();
        queue.add(task);
    }

    public void coalesce(Object key, Runnable task) {
        queued.incrementAndGet();
        queue.add(new Coalesced(key, task));
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Runs every task queued so far (not those queued while running), then the coalesced ones once per key.
     *
     * @return how many tasks ran
     */
    public int drain() {
        return drain(Long.MAX_VALUE);
    }

    /**
     * Like {@link #drain()}, but stops taking tasks once {@code budgetNanos} have passed (after at least one
     * task), runs the coalesced ones met so far, and leaves the rest in order for the next call. A backlog of
     * thousands of events is then worked off over several pulses instead of freezing the window for one long
     * pulse, and the coalesced refresh still shows what was applied each time.
     *
     * @return how many tasks ran
     */
    public int drain(long budgetNanos) {
        long start = budgetNanos == Long.MAX_VALUE ? 0 : clock.getAsLong();
        int budget = queued.get();
        Map<Object, Runnable> coalesced = new LinkedHashMap<>();
        int ran = 0;
        for (int i = 0; i < budget; i++) {
            if (ran > 0 && budgetNanos != Long.MAX_VALUE && clock.getAsLong() - start >= budgetNanos) {
                // the refresh queued right behind the last task shows what this pulse applied
                while (queue.peek() instanceof Coalesced c) {
                    queue.poll();
                    queued.decrementAndGet();
                    coalesced.putIfAbsent(c.key(), c.task());
                }
                break;
            }
            Object item = queue.poll();
            if (item == null) {
                break;
            }
            queued.decrementAndGet();
            if (item instanceof Coalesced c) {
                coalesced.putIfAbsent(c.key(), c.task());
            } else {
                run((Runnable) item);
                ran++;
            }
        }
        List<Runnable> last = new ArrayList<>(coalesced.values());
        for (Runnable task : last) {
            run(task);
            ran++;
        }
        return ran;
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failure) {
            // one broken update must not stop the rest of the batch, nor the ones after it
            LOG.log(Level.WARNING, "UI task failed", failure);
        }
    }
}
