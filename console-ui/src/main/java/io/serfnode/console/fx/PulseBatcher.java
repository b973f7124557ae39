package io.serfnode.console.fx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue behind every {@link UiThread}: tasks from any thread, drained in order by whoever owns the UI
 * thread, coalesced tasks last and once per key. Kept free of the toolkit so its order is testable.
 */
public final class PulseBatcher {
    private static final Logger LOG = Logger.getLogger(PulseBatcher.class.getName());

    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();

    private record Coalesced(Object key, Runnable task) {
    }

    public void post(Runnable task) {
        queue.add(task);
    }

    public void coalesce(Object key, Runnable task) {
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
        int budget = queue.size();
        Map<Object, Runnable> coalesced = new LinkedHashMap<>();
        int ran = 0;
        for (int i = 0; i < budget; i++) {
            Object item = queue.poll();
            if (item == null) {
                break;
            }
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
