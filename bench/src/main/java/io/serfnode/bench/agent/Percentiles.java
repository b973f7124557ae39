package io.serfnode.bench.agent;

import java.util.Collection;

/**
 * p50, p90 and max of a small sample, by the nearest-rank method: every figure reported is one that
 * was really measured, which is what a reader of ten runs expects.
 */
public record Percentiles(int count, double p50, double p90, double max) {

    public static Percentiles of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("percentiles of no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Percentiles(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 90),
                sorted[sorted.length - 1]);
    }

    static double nearestRank(double[] sorted, int percent) {
        return sorted[nearestRankIndex(sorted.length, percent)];
    }

    /** The index, in {@code count} sorted values, of the {@code percent}th percentile by nearest rank. */
    public static int nearestRankIndex(int count, int percent) {
        return Math.max((int) Math.ceil(percent / 100.0 * count), 1) - 1;
    }

    @Override
    public String toString() {
        return "p50 " + p50 + ", p90 " + p90 + ", max " + max + " (n=" + count + ")";
    }
}
