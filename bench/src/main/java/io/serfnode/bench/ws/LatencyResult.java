package io.serfnode.bench.ws;

import java.util.List;
import java.util.Locale;

/** Delivery delays of a child's transitions from member A to member B: serf's, ours, and the difference. */
record LatencyResult(int members, LatencySummary serf, LatencySummary ws, LatencySummary extra, String loadBefore,
                     String loadAfter) {

    /** @param rows each {nanoTime at A, at B's serf stream, at B's WebSocket client} */
    static LatencyResult of(int members, List<long[]> rows, String loadBefore, String loadAfter) {
        long[] serf = new long[rows.size()];
        long[] ws = new long[rows.size()];
        long[] extra = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            long[] row = rows.get(i);
            serf[i] = row[1] - row[0];
            ws[i] = row[2] - row[0];
            extra[i] = row[2] - row[1];
        }
        return new LatencyResult(members, LatencySummary.ofNanos(serf), LatencySummary.ofNanos(ws),
                LatencySummary.ofNanos(extra), loadBefore, loadAfter);
    }

    String markdown() {
        return String.format(Locale.ROOT,
                "| delivery (A's transition → B) | n | p50 | p99 | max |%n|---|---:|---:|---:|---:|%n"
                        + "| serf stream on B | %d | %.2f ms | %.2f ms | %.2f ms |%n"
                        + "| WebSocket client on B | %d | %.2f ms | %.2f ms | %.2f ms |%n"
                        + "| extra (WS − serf) | %d | %.2f ms (%.1f%% of serf's p50) | %.2f ms (%.1f%% of serf's p99) | %.2f ms |%n"
                        + "%nmembers: %d (LAN profile); load before → after: %s → %s%n"
                        + "extra delay at most 15%% of serf's (p50 and p99): %s; WS p50 under 300 ms: %s%n",
                serf.count(), serf.p50Ms(), serf.p99Ms(), serf.maxMs(),
                ws.count(), ws.p50Ms(), ws.p99Ms(), ws.maxMs(),
                extra.count(), extra.p50Ms(), 100 * extra.p50Ms() / serf.p50Ms(), extra.p99Ms(),
                100 * extra.p99Ms() / serf.p99Ms(), extra.maxMs(),
                members, loadBefore, loadAfter,
                extra.p50Ms() <= 0.15 * serf.p50Ms() && extra.p99Ms() <= 0.15 * serf.p99Ms() ? "yes" : "NO",
                ws.p50Ms() < 300 ? "yes" : "NO");
    }
}
