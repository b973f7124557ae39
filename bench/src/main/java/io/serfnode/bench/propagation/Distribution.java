package io.serfnode.bench.propagation;

import java.util.Collection;

/**
 * p50, p90, p99 and max of a sample by the nearest-rank method, so every figure is one that was really measured.
 */
public record Distribution(int count, double p50, double p90, double p99, double max) {

    public static Distribution of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("distribution of no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Distribution(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percent) {
        return sorted[Math.max((int) Math.ceil(percent / 100.0 * sorted.length), 1) - 1];
    }
}
