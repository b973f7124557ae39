package io.serfnode.bench.console;

import java.util.Arrays;

/**
 * Frames per second and frame-time percentiles (nearest rank) of one run, from the moments frames completed.
 *
 * @param frameMillis the time between consecutive frames, in the order they happened
 */
record FrameStats(int frames, double seconds, double fps, double p50, double p90, double p99, double max,
                  double[] frameMillis) {

    static FrameStats of(long[] moments) {
        if (moments.length < 2) {
            return new FrameStats(moments.length, 0, 0, 0, 0, 0, 0, new double[0]);
        }
        double[] intervals = new double[moments.length - 1];
        for (int i = 1; i < moments.length; i++) {
            intervals[i - 1] = (moments[i] - moments[i - 1]) / 1e6;
        }
        double seconds = (moments[moments.length - 1] - moments[0]) / 1e9;
        double[] sorted = intervals.clone();
        Arrays.sort(sorted);
        return new FrameStats(intervals.length, seconds, intervals.length / seconds, nearestRank(sorted, 50),
                nearestRank(sorted, 90), nearestRank(sorted, 99), sorted[sorted.length - 1], intervals);
    }

    /** The value at or below which {@code percent} of the sorted values lie (nearest-rank method). */
    static double nearestRank(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
