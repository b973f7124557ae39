package io.serfnode.agent.devif;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How event handlers run.
 *
 * @param handlersDir    where handlers live: {@code <state-dir>/handlers}, one executable per event name
 * @param stateDir       passed to handlers as {@code SERFNODE_STATE_DIR}; also their working directory
 * @param timeout        how long a handler may run before its process tree is killed (default 30 s)
 * @param concurrency    how many handlers run at once (default 2)
 * @param queueCapacity  how many invocations may wait for a free slot; beyond that they are refused
 *                       (default 256)
 * @param maxOutputBytes how much of one handler's output is logged; the rest is read and dropped
 *                       (default 64 KiB)
 */
public record EventHandlersConfig(Path handlersDir, Path stateDir, Duration timeout, int concurrency,
                                  int queueCapacity, int maxOutputBytes) {
    public static final String HANDLERS_DIR = "handlers";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public EventHandlersConfig {
        Objects.requireNonNull(handlersDir, "EventHandlersConfig.handlersDir");
        Objects.requireNonNull(stateDir, "EventHandlersConfig.stateDir");
        Objects.requireNonNull(timeout, "EventHandlersConfig.timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("EventHandlersConfig.timeout must be positive, was " + timeout);
        }
        requirePositive("concurrency", concurrency);
        requirePositive("queueCapacity", queueCapacity);
        requirePositive("maxOutputBytes", maxOutputBytes);
    }

    /** Handlers in {@code <stateDir>/handlers} with the defaults. */
    public static EventHandlersConfig inStateDir(Path stateDir) {
        return new EventHandlersConfig(stateDir.resolve(HANDLERS_DIR), stateDir, DEFAULT_TIMEOUT, 2, 256, 64 * 1024);
    }

    public EventHandlersConfig withHandlersDir(Path dir) {
        return new EventHandlersConfig(dir, stateDir, timeout, concurrency, queueCapacity, maxOutputBytes);
    }

    public EventHandlersConfig withTimeout(Duration newTimeout) {
        return new EventHandlersConfig(handlersDir, stateDir, newTimeout, concurrency, queueCapacity, maxOutputBytes);
    }

    public EventHandlersConfig withConcurrency(int handlers) {
        return new EventHandlersConfig(handlersDir, stateDir, timeout, handlers, queueCapacity, maxOutputBytes);
    }

    public EventHandlersConfig withQueueCapacity(int invocations) {
        return new EventHandlersConfig(handlersDir, stateDir, timeout, concurrency, invocations, maxOutputBytes);
    }

    public EventHandlersConfig withMaxOutputBytes(int bytes) {
        return new EventHandlersConfig(handlersDir, stateDir, timeout, concurrency, queueCapacity, bytes);
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("EventHandlersConfig." + field + " must be at least 1, was " + value);
        }
    }
}
