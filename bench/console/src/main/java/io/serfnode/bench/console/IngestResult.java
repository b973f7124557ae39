package io.serfnode.bench.console;

import java.util.Arrays;
import java.util.Map;

/**
 * What one flood of an ingest run measured. Times in milliseconds unless named otherwise; moments are
 * {@link System#nanoTime()}.
 *
 * @param title              which flood
 * @param snapshot           the first snapshot's timings (the same for every flood of a run)
 * @param floodStart         when the source began the flood
 * @param floodEnd           when it had delivered its last event
 * @param caughtUp           when the view model had applied every event
 * @param delivered          events the source delivered to the agent's API
 * @param sentPerSecond      the rate the source sent them at, timed by the source
 * @param seqAtStart         the {@code seq} the view model stood at when the flood began
 * @param sessionEvents      events the session handed to the view model
 * @param seqBreaks          gaps or repeats in the {@code seq} the session handed on
 * @param sessionResyncs     snapshots the session handed on during the flood (the agent sent {@code lagged})
 * @param viewModelResyncs   snapshots the view model applied during the flood
 * @param viewModelEvents    events the view model applied
 * @param pulses             every FX pulse from the first event until the view model caught up
 * @param loadBefore         the 1-minute load average when the events began
 * @param loadDuring         its mean while they flowed
 * @param processCpuNanos    CPU time of the console's process during the flood
 * @param sourceCpuNanos     CPU time of the source's process (agent API and generator) during the flood
 * @param cpuNanosByPart     CPU time by thread group during the flood, the source's named as such
 * @param childMismatches    children whose state or counter in the console differed from the source at the end of
 *                           the run
 */
record IngestResult(IngestSettings settings, String title, IngestRun.Snapshot snapshot, long floodStart,
                    long floodEnd, long caughtUp, long delivered, double sentPerSecond, long seqAtStart,
                    long sessionEvents, long seqBreaks, long sessionResyncs, long viewModelResyncs,
                    long viewModelEvents, PulseProbe.Pulses pulses, double loadBefore, double loadDuring,
                    long processCpuNanos, long sourceCpuNanos, Map<String, Long> cpuNanosByPart,
                    int childMismatches) {

    static final String FX_THREAD = "console FX thread";
    static final String RENDER_THREAD = "console render thread";
    static final String SESSION_THREADS = "console session (WebSocket, decoding)";
    static final String SOURCE_PROCESS = "source: whole process";

    IngestResult withChildMismatches(int value) {
        return new IngestResult(settings, title, snapshot, floodStart, floodEnd, caughtUp, delivered, sentPerSecond,
                seqAtStart, sessionEvents, seqBreaks, sessionResyncs, viewModelResyncs, viewModelEvents, pulses,
                loadBefore, loadDuring, processCpuNanos, sourceCpuNanos, cpuNanosByPart, value);
    }

    boolean lossless() {
        return seqBreaks == 0 && sessionResyncs == 0 && viewModelResyncs == 0 && sessionEvents == delivered
                && viewModelEvents == delivered && childMismatches == 0;
    }

    /** Events per second the view model applied, from the first event sent to the last one applied. */
    double ingestedPerSecond() {
        return viewModelEvents / ((caughtUp - floodStart) / 1e9);
    }

    /** How long after the last event was sent the view model had applied it (an upper bound, polled). */
    double catchUpMillis() {
        return (caughtUp - floodEnd) / 1e6;
    }

    /**
     * How far the view model's {@code seq} had moved from where the flood found it by the end of each whole second
     * of the flood (from the pulse samples). Without loss this counts the events applied; after a resync it also
     * counts the events the fresh snapshot stood in for.
     */
    long[] appliedBySecond() {
        int seconds = (int) Math.ceil((caughtUp - floodStart) / 1e9);
        long[] bySecond = new long[seconds];
        long base = seqAtStart;
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

    /** Pulses over {@code millis} of wall time during which the collector paused the JVM. */
    long pulsesOverWithGc(double millis) {
        double[] work = pulses.workMillis();
        long count = 0;
        for (int i = 0; i < work.length; i++) {
            if (work[i] > millis && pulses.gcMillis()[i] > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Where the wall time of the pulses over {@code millis} went, summed: the FX thread's CPU, its wait for a core,
     * the collector's pauses, and the rest (blocked: on the render thread, on a lock). NaN for the wait where the
     * kernel does not say.
     */
    SlowPulses slowPulses(double millis) {
        double[] work = pulses.workMillis();
        double[] cpu = pulses.cpuMillis();
        double[] waited = pulses.runQueueMillis();
        double wall = 0;
        double onCpu = 0;
        double runQueue = 0;
        double gc = 0;
        for (int i = 0; i < work.length; i++) {
            if (work[i] > millis) {
                wall += work[i];
                onCpu += cpu[i];
                runQueue += waited[i];
                gc += pulses.gcMillis()[i];
            }
        }
        return new SlowPulses(wall, onCpu, runQueue, gc);
    }

    /** Summed milliseconds of the slow pulses; see {@link #slowPulses(double)}. */
    record SlowPulses(double wall, double cpu, double runQueue, double gc) {
        double blocked() {
            return Math.max(0, wall - cpu - (Double.isNaN(runQueue) ? 0 : runQueue) - gc);
        }
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
