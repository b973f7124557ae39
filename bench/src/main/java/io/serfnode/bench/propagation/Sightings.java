package io.serfnode.bench.propagation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each member first saw each thing (a user event, or a member's failure, leave or join), in
 * {@link System#nanoTime()}; filled from the members' stream threads, awaited by the harness.
 */
public final class Sightings {
    private final Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();

    /** Records the first sighting of {@code key} by {@code observer}; later ones are repeats and ignored. */
    public void record(String key, String observer, long nanos) {
        seen.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).putIfAbsent(observer, nanos);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Who saw {@code key}, and when. */
    public Map<String, Long> of(String key) {
        return Map.copyOf(seen.getOrDefault(key, Map.of()));
    }

    /** Waits until {@code observers} members saw {@code key} or the deadline ({@link System#nanoTime()}) passes. */
    public boolean await(String key, int observers, long deadlineNanos) throws InterruptedException {
        synchronized (this) {
            while (seen.getOrDefault(key, Map.of()).size() < observers) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    public void forget(String key) {
        seen.remove(key);
    }
}
