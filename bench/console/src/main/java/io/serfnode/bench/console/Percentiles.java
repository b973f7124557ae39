package io.serfnode.bench.console;

import java.util.Arrays;
import java.util.Collection;

/**
 * p50, p90 and max of a small sample, by the nearest-rank method: every figure reported is one that was really
 * measured, which is what a reader of ten runs expects.
 */
record Percentiles(int count, double p50, double p90, double max) {

    static Percentiles of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, FrameStats.nearestRank(sorted, 50), FrameStats.nearestRank(sorted, 90),
                sorted[sorted.length - 1]);
    }

    /** How many of the values are under {@code limit}. */
    static long under(Collection<Double> values, double limit) {
        return values.stream().filter(v -> v < limit).count();
    }
}
