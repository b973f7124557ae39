package io.serfnode.bench.agent;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The measured runs of one {@link Cell}. */
public record CellResult(Cell cell, List<RunResult> runs) {

    public CellResult {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("cell " + cell.label() + " has no runs");
        }
    }

    /** Percentiles of a metric over the runs that have it (NaN means a run lacks it); null when none has it. */
    public Percentiles of(ToDoubleFunction<RunResult> metric) {
        List<Double> values = runs.stream().mapToDouble(metric).filter(value -> !Double.isNaN(value)).boxed().toList();
        return values.isEmpty() ? null : Percentiles.of(values);
    }

    public Percentiles readyMs() {
        return of(run -> run.timeline().readyMs());
    }

    public Percentiles rssMib() {
        return of(run -> mib(run.jvm().rssKb()));
    }

    public Percentiles hwmMib() {
        return of(run -> mib(run.jvm().hwmKb()));
    }

    static double mib(long kb) {
        return kb / 1024.0;
    }
}
