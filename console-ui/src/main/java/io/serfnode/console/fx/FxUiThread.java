package io.serfnode.console.fx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The FX {@link UiThread}: an {@link AnimationTimer} drains the queue once per pulse while there is work,
 * and stops itself when a pulse finds none, so an idle console requests no frames.
 */
public final class FxUiThread implements UiThread {
    /**
     * The FX thread CPU time one pulse gives the queue. A 60 Hz frame is 16.7 ms and CSS, layout and the graph
     * need their share; a backlog beyond this waits for the next pulse rather than stretching this one. CPU time,
     * not wall time: on a busy machine the wall clock also counts the waits for a core, and a wall budget then
     * shrinks each batch while every pulse still pays its full refresh.
     */
    static final long PULSE_BUDGET_NANOS = 8_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PulseBatcher batcher = new PulseBatcher(THREADS.isCurrentThreadCpuTimeSupported()
            ? THREADS::getCurrentThreadCpuTime : System::nanoTime);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (batcher.drain(PULSE_BUDGET_NANOS) == 0 && batcher.isEmpty()) {
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
