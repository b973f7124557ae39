package io.serfnode.agent.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.serfnode.agent.support.ComponentLog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one stream of container events of a runtime. When the stream ends or fails (the engine restarted,
 * the socket broke) it is opened again, after 1 s, 2 s … up to a ceiling, asking for the events since the
 * last one seen; {@code onConnected} runs after every successful open, so the owner can reconcile what the
 * gap may have hidden. Events and {@code onConnected} run one at a time on {@code executor}, in order.
 */
final class EngineEvents implements AutoCloseable {
    private final EventSource source;
    private final Consumer<ContainerEvent> onEvent;
    private final Runnable onConnected;
    private final ScheduledExecutorService executor;
    private final ComponentLog log;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final CountDownLatch firstConnect = new CountDownLatch(1);

    private final Object lock = new Object();
    private int generation;
    private Closeable stream;
    private String since;
    private long lastEventNanos;
    private int failures;
    private int openings;
    private boolean closed;

    EngineEvents(EventSource source, String since, Consumer<ContainerEvent> onEvent, Runnable onConnected,
            ScheduledExecutorService executor, ComponentLog log, Duration firstRetry, Duration maxRetry) {
        this.source = Objects.requireNonNull(source, "source");
        this.since = since;
        this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.log = Objects.requireNonNull(log, "log");
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
        this.maxRetry = Objects.requireNonNull(maxRetry, "maxRetry");
    }

    /** Where the first opening starts from: the engine's time in nanoseconds since the epoch, 0 for now. */
    void sinceEngineTime(long epochNanos) {
        synchronized (lock) {
            since = epochNanos > 0 ? engineTime(epochNanos) : null;
        }
    }

    /** Opens the stream; from then on it is kept open until {@link #close()}. */
    void start() {
        connect();
    }

    /** Waits until the stream was open once. */
    boolean awaitFirstConnect(Duration timeout) throws InterruptedException {
        return firstConnect.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How often the stream was opened so far. */
    int openings() {
        synchronized (lock) {
            return openings;
        }
    }

    private void connect() {
        int current;
        String from;
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = ++generation;
            from = since;
        }
        try {
            source.open(from, new Listener(current));
        } catch (RuntimeException e) {
            streamEnded(current, e);
        }
    }

    private void streamEnded(int ended, Throwable cause) {
        long delayMillis;
        synchronized (lock) {
            if (closed || ended != generation) {
                return; // closed, or an old stream reporting late
            }
            generation++; // whatever the old stream says from now on is ignored
            stream = null;
            failures++;
            delayMillis = Math.min(maxRetry.toMillis(), firstRetry.toMillis() * failures);
        }
        if (cause == null) {
            log.warn("the engine ended its event stream; reopening in %d ms", delayMillis);
        } else {
            log.warn("the engine's event stream failed (%s); reopening in %d ms", describe(cause), delayMillis);
        }
        executor.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause) : cause + ", caused by " + root;
    }

    /** {@code seconds.nanoseconds}, the form the engine's {@code since} filter takes. */
    static String engineTime(long epochNanos) {
        return String.format("%d.%09d", epochNanos / 1_000_000_000L, epochNanos % 1_000_000_000L);
    }

    @Override
    public void close() {
        Closeable open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = stream;
            stream = null;
        }
        if (open != null) {
            try {
                open.close();
            } catch (IOException | RuntimeException e) {
                log.debug(() -> "closing the event stream: " + e);
            }
        }
    }

    /** Callbacks of one opened stream, ignored once a newer stream replaced it. */
    private final class Listener extends ResultCallback.Adapter<Event> {
        private final int streamGeneration;

        Listener(int streamGeneration) {
            this.streamGeneration = streamGeneration;
        }

        @Override
        public void onStart(Closeable closeable) {
            super.onStart(closeable);
            boolean reconnected;
            synchronized (lock) {
                if (closed || streamGeneration != generation) {
                    closeQuietly(closeable);
                    return;
                }
                stream = closeable;
                openings++;
                reconnected = failures > 0;
                failures = 0;
            }
            if (reconnected) {
                log.info("the engine's event stream is open again");
            }
            executor.execute(() -> {
                try {
                    onConnected.run();
                } catch (RuntimeException e) {
                    log.error(e, "reconciling after the event stream opened failed");
                } finally {
                    firstConnect.countDown();
                }
            });
        }

        @Override
        public void onNext(Event event) {
            ContainerEvent containerEvent = ContainerEvent.from(event);
            if (containerEvent == null) {
                return;
            }
            synchronized (lock) {
                if (closed || streamGeneration != generation) {
                    return;
                }
                if (containerEvent.timeNano() > lastEventNanos) {
                    lastEventNanos = containerEvent.timeNano();
                    since = engineTime(lastEventNanos);
                }
            }
            executor.execute(() -> {
                try {
                    onEvent.accept(containerEvent);
                } catch (RuntimeException e) {
                    log.error(e, "handling engine event %s of container %s failed", containerEvent.action(),
                            containerEvent.containerId());
                }
            });
        }

        @Override
        public void onError(Throwable throwable) {
            streamEnded(streamGeneration, throwable);
        }

        @Override
        public void onComplete() {
            streamEnded(streamGeneration, null);
        }

        private void closeQuietly(Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                log.debug(() -> "closing a replaced event stream: " + e);
            }
        }
    }
}
