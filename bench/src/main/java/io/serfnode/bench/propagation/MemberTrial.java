package io.serfnode.bench.propagation;

import java.util.List;

/**
 * One failure (kill -9) or graceful leave of {@code member}: when each other member's stream reported it, in
 * milliseconds after the signal, and how many never did within the timeout.
 */
public record MemberTrial(String member, List<Double> seenMs, int missing) {

    public MemberTrial {
        seenMs = List.copyOf(seenMs);
    }

    public double firstMs() {
        return seenMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
    }

    public double allMs() {
        return missing > 0 ? Double.POSITIVE_INFINITY : seenMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
