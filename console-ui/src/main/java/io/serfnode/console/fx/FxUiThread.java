package io.serfnode.console.fx;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The FX {@link UiThread}: an {@link AnimationTimer} drains the queue once per pulse while there is work,
 * and stops itself when a pulse finds none, so an idle console requests no frames.
 */
public final class FxUiThread implements UiThread {
    private final PulseBatcher batcher = new PulseBatcher();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (batcher.drain() == 0 && batcher.isEmpty()) {
                stop();
                running.set(false);
                // a task may have arrived between the empty check and the flag: do not strand it
                if (!batcher.isEmpty()) {
                    wake();
                }
            }
        }
    };

    @Override
    public void post(Runnable task) {
        batcher.post(task);
        wake();
    }

    @Override
    public void coalesce(Object key, Runnable task) {
        batcher.coalesce(key, task);
        wake();
    }

    private void wake() {
        if (running.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }
}
