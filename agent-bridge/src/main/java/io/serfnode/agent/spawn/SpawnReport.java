package io.serfnode.agent.spawn;

import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open report of a spawner: steps go to its callback until it is closed. A failing callback
 * is logged and never stops the spawner.
 */
final class SpawnReport implements Closeable {
    private final SpawnCallback callback;
    private final ComponentLog log;
    private final Consumer<SpawnReport> onClose;
    private final AtomicBoolean open = new AtomicBoolean(true);

    /** {@code onClose} runs once, when the report closes, before the callback hears of its end. */
    SpawnReport(SpawnCallback callback, ComponentLog log, Consumer<SpawnReport> onClose) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.log = Objects.requireNonNull(log, "log");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    void next(SpawnStep step) {
        if (open.get()) {
            try {
                callback.onNext(step);
            } catch (RuntimeException e) {
                log.warn(e, "a spawn callback failed on %s", step);
            }
        }
    }

    void error(Throwable error) {
        if (open.get()) {
            try {
                callback.onError(error);
            } catch (RuntimeException e) {
                log.warn(e, "a spawn callback failed on an error");
            }
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.accept(this);
            try {
                callback.onComplete();
            } catch (RuntimeException e) {
                log.warn(e, "a spawn callback failed on its end");
            }
        }
    }
}
