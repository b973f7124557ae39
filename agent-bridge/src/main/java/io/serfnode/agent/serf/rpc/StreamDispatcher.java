package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs one stream's callbacks, in order, on a thread of its own, so that the connection's reader
 * thread only decodes and never waits for user code: Serf buffers just 512 records per stream and
 * silently drops the rest, so the socket must be drained fast. The queue is unbounded for the same
 * reason.
 */
final class StreamDispatcher<T> {
    private final StreamCallback<T> callback;
    private final String name;
    private final ComponentLog log;
    private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private boolean started;
    private boolean ended;

    private sealed interface Signal {
    }

    private record Start(Closeable handle) implements Signal {
    }

    private record Next<T>(T record) implements Signal {
    }

    private record Failure(Throwable error) implements Signal {
    }

    private record Complete() implements Signal {
    }

    StreamDispatcher(StreamCallback<T> callback, String name, ComponentLog log) {
        this.callback = callback;
        this.name = name;
        this.log = log;
    }

    /** Starts delivery; only a started dispatcher delivers anything, including the end. */
    synchronized void start(Closeable handle) {
        if (started || ended) {
            return;
        }
        started = true;
        queue.add(new Start(handle));
        Thread.ofVirtual().name(name).start(this::run);
    }

    synchronized void next(T record) {
        if (started && !ended) {
            queue.add(new Next<>(record));
        }
    }

    synchronized void error(Throwable error) {
        end(new Failure(error));
    }

    synchronized void complete() {
        end(new Complete());
    }

    private void end(Signal signal) {
        if (!ended) {
            ended = true;
            if (started) {
                queue.add(signal);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void run() {
        while (true) {
            Signal signal;
            try {
                signal = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                switch (signal) {
                    case Start start -> callback.onStart(start.handle());
                    case Next<?> next -> callback.onNext((T) next.record());
                    case Failure failure -> callback.onError(failure.error());
                    case Complete complete -> callback.onComplete();
                }
            } catch (RuntimeException | Error e) {
                log.warn(e, "%s: callback %s failed; delivery goes on", name, callback.getClass().getName());
            }
            if (signal instanceof Failure || signal instanceof Complete) {
                return;
            }
        }
    }
}
