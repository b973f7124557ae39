package io.serfnode.bench.ws;

import java.util.List;
import java.util.Locale;

/**
 * What the fan-out run measured, over all clients together, plus the worst single client, and what fan-out
 * added over a single client's delay when a baseline was run.
 *
 * @param all           the delay from append to receipt over every client's measured events; null if none
 * @param baseline      the same for one client alone at the same rate; null without a baseline run
 * @param lateEmissions events that left the emitter more than 1 ms after their planned time
 */
record FanoutResult(FanoutSettings settings, long expectedPerClient, long minReceived, long maxReceived,
                    int lagged, long outOfOrder, List<String> failures, LatencySummary all,
                    double worstClientP99Ms, double emitSeconds, long lateEmissions, double publishSeconds,
                    String loadBefore, String loadAfter, double serverCpuSeconds, double clientCpuSeconds,
                    LatencySummary baseline) {

    static final double GOAL_ADDED_P99_MS = 50;

    static FanoutResult of(FanoutSettings settings, FanoutBench.Phase phase, LatencySummary baseline) {
        List<FanoutReader.Result> results = phase.results();
        long total = 0;
        for (FanoutReader.Result result : results) {
            total += result.measured();
        }
        long[] all = new long[Math.toIntExact(total)];
        int at = 0;
        double worstP99 = 0;
        for (FanoutReader.Result result : results) {
            System.arraycopy(result.delays(), 0, all, at, result.measured());
            at += result.measured();
            if (result.measured() > 0) {
                worstP99 = Math.max(worstP99, LatencySummary.ofNanos(result.delays(), result.measured()).p99Ms());
            }
        }
        return new FanoutResult(settings, settings.totalEvents(),
                results.stream().mapToLong(FanoutReader.Result::received).min().orElse(0),
                results.stream().mapToLong(FanoutReader.Result::received).max().orElse(0),
                results.stream().mapToInt(FanoutReader.Result::lagged).sum(),
                results.stream().mapToLong(FanoutReader.Result::outOfOrder).sum(),
                results.stream().map(FanoutReader.Result::failure).filter(f -> f != null).toList(),
                all.length == 0 ? null : LatencySummary.ofNanos(all), worstP99, phase.emitSeconds(),
                phase.emission().late(), phase.emission().publishNanos() / 1e9, phase.loadBefore(),
                phase.loadAfter(), phase.serverCpuSeconds(), phase.clientCpuSeconds(), baseline);
    }

    boolean noLoss() {
        return minReceived == expectedPerClient
                && maxReceived == expectedPerClient && lagged == 0 && outOfOrder == 0 && failures.isEmpty();
    }

    /** The p99 fan-out adds over one client alone; without a baseline, the whole p99 counts as added. */
    double addedP99Ms() {
        if (all == null) {
            return Double.NaN;
        }
        return baseline == null ? all.p99Ms() : all.p99Ms() - baseline.p99Ms();
    }

    double addedP50Ms() {
        if (all == null) {
            return Double.NaN;
        }
        return baseline == null ? all.p50Ms() : all.p50Ms() - baseline.p50Ms();
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "| clients | rate | measured | events per client | received min/max | lagged | out of order |"
                        + " delay p50 | delay p99 | delay max | worst client p99 | late emissions | emitter in append | load before → after |%n"
                        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|%n"
                        + "| %d | %d/s | %d s (+%d s warm-up, emitted in %.1f s) | %d | %d / %d | %d | %d | %.2f ms |"
                        + " %.2f ms | %.2f ms | %.2f ms | %d | %.1f s | %s → %s |%n",
                settings.clients(), settings.rate(), settings.duration().toSeconds(), settings.warmup().toSeconds(),
                emitSeconds, expectedPerClient, minReceived, maxReceived, lagged, outOfOrder,
                all == null ? Double.NaN : all.p50Ms(), all == null ? Double.NaN : all.p99Ms(),
                all == null ? Double.NaN : all.maxMs(), worstClientP99Ms, lateEmissions, publishSeconds, loadBefore, loadAfter));
        text.append(String.format(Locale.ROOT, "%nclients: %s; per-client queue: %d%n",
                settings.clientsInOwnJvm() ? "in a second JVM" : "in the server's JVM", settings.queueLimit()));
        if (!failures.isEmpty()) {
            text.append("\nclient failures: ").append(failures).append('\n');
        }
        double deliveries = (double) expectedPerClient * settings.clients();
        if (Double.isNaN(clientCpuSeconds)) {
            text.append(String.format(Locale.ROOT, "CPU while emitting: server JVM, clients included, %.1f s"
                    + " (%.1f µs per event per client)%n", serverCpuSeconds, serverCpuSeconds * 1e6 / deliveries));
        } else {
            text.append(String.format(Locale.ROOT, "CPU while emitting: server JVM %.1f s (%.1f µs per event per"
                            + " client), client JVM %.1f s (%.1f µs per event per client)%n", serverCpuSeconds,
                    serverCpuSeconds * 1e6 / deliveries, clientCpuSeconds, clientCpuSeconds * 1e6 / deliveries));
        }
        double achieved = expectedPerClient / emitSeconds;
        text.append(String.format(Locale.ROOT, "%nrate achieved: %.0f events/s of %d planned%n", achieved,
                settings.rate()));
        if (baseline != null) {
            text.append(String.format(Locale.ROOT, "one client alone (baseline): %s%n", baseline));
            text.append(String.format(Locale.ROOT, "added by fan-out: p50 %.2f ms, p99 %.2f ms%n", addedP50Ms(),
                    addedP99Ms()));
        }
        text.append(String.format(Locale.ROOT, "%nno loss: %s; p99 added under %.0f ms: %s%n",
                noLoss() ? "yes" : "NO", GOAL_ADDED_P99_MS, addedP99Ms() < GOAL_ADDED_P99_MS ? "yes" : "NO"));
        text.append(String.format(Locale.ROOT, "planned rate sustained (within 2%%): %s%n",
                achieved >= 0.98 * settings.rate() ? "yes" : "NO"));
        return text.toString();
    }
}
