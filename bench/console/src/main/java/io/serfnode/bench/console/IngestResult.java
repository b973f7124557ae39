package io.serfnode.bench.console;

import java.util.Arrays;
import java.util.Map;

/**
 * What one ingest run measured. Times in milliseconds unless named otherwise; moments are {@link System#nanoTime()}.
 *
 * @param showMillis           building and showing the console window (the connect starts at its end)
 * @param graphFullMillis      from the connect to the first pulse whose graph held (and had drawn) every member
 * @param graphOnScreenMillis  from the connect to the first frame rendered after that
 * @param snapshotArrivedMillis from the connect to the session handing on the snapshot
 * @param welcomedMillis       from the connect to the session reading the agent's {@code welcome} (connected and
 *                             authenticated; the snapshot follows)
 * @param floodStart           when the load generator began
 * @param floodEnd             when it had delivered its last event
 * @param caughtUp             when the view model had applied every event
 * @param delivered            events the generator delivered to the agent's API
 * @param sessionEvents        events the session handed to the view model
 * @param seqBreaks            gaps or repeats in the {@code seq} the session handed on
 * @param sessionSnapshots     snapshots the session handed on (more than one: the agent sent {@code lagged})
 * @param viewModelSnapshots   snapshots the view model applied
 * @param viewModelEvents      events the view model applied
 * @param viewModelSeq         the last {@code seq} the view model applied
 * @param childMismatches      children whose state or counter in the console differed from the source at the end
 * @param pulses               every FX pulse from the first event until the view model caught up
 * @param loadBefore           the 1-minute load average when the events began
 * @param loadDuring           its mean while they flowed
 * @param processCpuNanos      CPU time of the whole process (console, agent API and generator) during the run
 * @param cpuNanosByPart       CPU time by thread group during the run
 */
record IngestResult(IngestSettings settings, double showMillis, double graphFullMillis, double graphOnScreenMillis,
                    double snapshotArrivedMillis, double welcomedMillis, long floodStart, long floodEnd, long caughtUp, long delivered,
                    long sessionEvents, long seqBreaks, long sessionSnapshots, long viewModelSnapshots,
                    long viewModelEvents, long viewModelSeq, int childMismatches, PulseProbe.Pulses pulses,
                    double loadBefore, double loadDuring, long processCpuNanos, Map<String, Long> cpuNanosByPart) {

    static final String FX_THREAD = "console FX thread";
    static final String RENDER_THREAD = "console render thread";
    static final String SESSION_THREADS = "console session (WebSocket, decoding)";

    boolean lossless() {
        return seqBreaks == 0 && sessionSnapshots == 1 && viewModelSnapshots == 1 && sessionEvents == delivered
                && viewModelEvents == delivered && childMismatches == 0;
    }

    /** Events per second the view model applied, from the first event sent to the last one applied. */
    double ingestedPerSecond() {
        return viewModelEvents / ((caughtUp - floodStart) / 1e9);
    }

    double deliveredPerSecond() {
        return delivered / ((floodEnd - floodStart) / 1e9);
    }

    /** How long after the last event was sent the view model had applied it (an upper bound, polled). */
    double catchUpMillis() {
        return (caughtUp - floodEnd) / 1e6;
    }

    /**
     * The {@code seq} the view model had reached by the end of each whole second of the flood (from the pulse
     * samples). The stream starts at 0 with the snapshot, so without loss this counts the events applied; after a
     * resync it also counts the events the fresh snapshot stood in for.
     */
    long[] appliedBySecond() {
        int seconds = (int) Math.ceil((caughtUp - floodStart) / 1e9);
        long[] bySecond = new long[seconds];
        long base = 0;
        for (int i = 0; i < pulses.size(); i++) {
            int second = (int) ((pulses.ends()[i] - floodStart) / 1_000_000_000L);
            if (second >= 0 && second < seconds) {
                bySecond[second] = Math.max(bySecond[second], pulses.samples()[i] - base);
            }
        }
        for (int s = 1; s < seconds; s++) {
            bySecond[s] = Math.max(bySecond[s], bySecond[s - 1]);
        }
        return bySecond;
    }

    /** How far the view model's {@code seq} moved within each whole second of the flood. */
    long[] ratePerSecond() {
        long[] cumulative = appliedBySecond();
        long[] rate = new long[cumulative.length];
        for (int s = 0; s < rate.length; s++) {
            rate[s] = cumulative[s] - (s == 0 ? 0 : cumulative[s - 1]);
        }
        return rate;
    }

    Stats pulseWork() {
        return Stats.of(pulses.workMillis());
    }

    Stats pulseCpu() {
        return Stats.of(pulses.cpuMillis());
    }

    Stats pulseInterval() {
        return Stats.of(pulses.intervalMillis());
    }

    long pulsesOver(double millis) {
        return Arrays.stream(pulses.workMillis()).filter(ms -> ms > millis).count();
    }

    double cpuMicrosPerEvent(String part) {
        return cpuNanosByPart.getOrDefault(part, 0L) / 1e3 / Math.max(1, viewModelEvents);
    }

    double consoleCpuMicrosPerEvent() {
        return cpuMicrosPerEvent(FX_THREAD) + cpuMicrosPerEvent(RENDER_THREAD) + cpuMicrosPerEvent(SESSION_THREADS);
    }

    record Stats(int count, double p50, double p99, double max, double mean) {
        static Stats of(double[] values) {
            if (values.length == 0) {
                return new Stats(0, 0, 0, 0, 0);
            }
            double[] sorted = FrameStats.sortedCopy(values);
            return new Stats(values.length, FrameStats.nearestRank(sorted, 50), FrameStats.nearestRank(sorted, 99),
                    sorted[sorted.length - 1], Arrays.stream(values).average().orElse(0));
        }
    }
}
