package io.serfnode.console.fx;

/**
 * Runs work on the UI thread. Callable from any thread. View models take one of these instead of touching
 * the FX toolkit, so they can be tested without it.
 */
public interface UiThread {

    /** Runs {@code task} on the UI thread, after every task posted before it. */
    void post(Runnable task);

    /**
     * Runs {@code task} once after the plain tasks of the current batch; posting again under the same key
     * before it ran does nothing more. Meant for "refresh what changed" work after many small updates.
     */
    void coalesce(Object key, Runnable task);
}
