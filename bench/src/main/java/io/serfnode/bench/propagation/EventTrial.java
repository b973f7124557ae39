package io.serfnode.bench.propagation;

import java.util.List;

/**
 * One user event: when it arrived at each member, in milliseconds after the sender was asked to send it (the
 * sender included), and how many members (which ones) never saw it within the timeout.
 */
public record EventTrial(long id, int payloadBytes, String sender, List<Double> arrivalsMs, int missing,
        List<String> missedBy) {

    public EventTrial {
        arrivalsMs = List.copyOf(arrivalsMs);
        missedBy = missedBy == null ? List.of() : List.copyOf(missedBy);
    }

    /** Time until the last member had it; infinite when some never did. */
    public double toAllMs() {
        return missing > 0 ? Double.POSITIVE_INFINITY : arrivalsMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The fraction of {@code members} that had it {@code millis} after sending. */
    public double fractionBy(double millis, int members) {
        return arrivalsMs.stream().filter(t -> t <= millis).count() / (double) members;
    }
}
