package io.serfnode.bench.console;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moments (System.nanoTime) recorded from any thread into a preallocated array, so recording allocates nothing
 * and never blocks the renderer. Extra moments beyond the capacity are counted but not kept.
 */
final class FrameClock {
    private final long[] moments;
    private final AtomicInteger next = new AtomicInteger();

    FrameClock(int capacity) {
        moments = new long[capacity];
    }

    void record(long nanos) {
        int i = next.getAndIncrement();
        if (i < moments.length) {
            moments[i] = nanos;
        }
    }

    int count() {
        return Math.min(next.get(), moments.length);
    }

    /** The recorded moments in order. */
    long[] moments() {
        return Arrays.copyOf(moments, count());
    }
}
