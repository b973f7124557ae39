package io.serfnode.agent.api.ws;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down guessing: every failed authentication from an address waits before the close, twice as long
 * as the one before from the same address, up to a bound. An address that stays quiet long enough starts
 * over. Waiting happens on a timer, never on a thread.
 */
final class AuthThrottle {
    private static final int MAX_TRACKED = 10_000;

    private final Duration first;
    private final Duration max;
    private final long memoryNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Failures> byHost = new HashMap<>();

    private record Failures(int count, long lastNanos) {
    }

    AuthThrottle(Duration first, Duration max, Duration memory, LongSupplier nanoClock) {
        this.first = first;
        this.max = max;
        this.memoryNanos = memory.toNanos();
        this.nanoClock = nanoClock;
    }

    static AuthThrottle of(WsLimits limits) {
        return new AuthThrottle(limits.authFailureDelay(), limits.maxAuthFailureDelay(), limits.authFailureMemory(),
                System::nanoTime);
    }

    /** Records a failure from {@code host} and answers how long to wait before closing. */
    synchronized Duration failed(String host) {
        long now = nanoClock.getAsLong();
        if (byHost.size() >= MAX_TRACKED) {
            byHost.values().removeIf(failures -> forgotten(failures, now));
        }
        Failures before = byHost.get(host);
        int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
        byHost.put(host, new Failures(count, now));
        return delay(count);
    }

    private boolean forgotten(Failures failures, long now) {
        return now - failures.lastNanos() > memoryNanos;
    }

    private Duration delay(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
