package io.serfnode.bench.ws;

import io.serfnode.bench.agent.Percentiles;
import java.util.Arrays;
import java.util.Locale;

/**
 * p50, p99 and max of measured delays in milliseconds, by the nearest-rank method, so that every figure is
 * one that was really measured.
 */
record LatencySummary(int count, double p50Ms, double p99Ms, double maxMs) {

    static LatencySummary ofNanos(long[] nanos) {
        return ofNanos(nanos, nanos.length);
    }

    /** Of the first {@code count} values; sorts them in place. */
    static LatencySummary ofNanos(long[] nanos, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("a summary of no delays");
        }
        Arrays.sort(nanos, 0, count);
        return new LatencySummary(count, ms(nanos[Percentiles.nearestRankIndex(count, 50)]),
                ms(nanos[Percentiles.nearestRankIndex(count, 99)]), ms(nanos[count - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", p50Ms, p99Ms, maxMs,
                count);
    }
}
