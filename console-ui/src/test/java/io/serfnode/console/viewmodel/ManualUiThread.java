package io.serfnode.console.viewmodel;

import io.serfnode.console.fx.PulseBatcher;
import io.serfnode.console.fx.UiThread;

/** A UI thread the test pulses by hand: posted work runs only on {@link #pulse()}. */
public final class ManualUiThread implements UiThread {
    private final PulseBatcher batcher = new PulseBatcher();

    @Override
    public void post(Runnable task) {
        batcher.post(task);
    }

    @Override
    public void coalesce(Object key, Runnable task) {
        batcher.coalesce(key, task);
    }

    /** Runs everything posted so far, as one FX pulse would. */
    public int pulse() {
        return batcher.drain();
    }
}
