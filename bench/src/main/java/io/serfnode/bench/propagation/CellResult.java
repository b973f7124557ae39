package io.serfnode.bench.propagation;

import java.util.List;

/** Everything measured for one profile and cluster size. */
public record CellResult(
        String profile,
        int members,
        long gossipIntervalMs,
        int fanout,
        int cpus,
        String startedAt,
        double seconds,
        double loadStart,
        double loadMean,
        double loadMax,
        List<EventTrial> events,
        List<MemberTrial> failures,
        List<MemberTrial> leaves) {

    public CellResult {
        events = List.copyOf(events);
        failures = List.copyOf(failures);
        leaves = List.copyOf(leaves);
    }
}
