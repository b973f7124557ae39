package io.serfnode.bench.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the harness runs.
 *
 * @param runs         measured starts per cell (one unmeasured warm-up start comes first)
 * @param children     process children of the measured member
 * @param steadyAfter  when, after the start, the resident memory is read
 * @param readyTimeout how long a start may take before the run fails
 * @param cells        the rows of the results, run in this order
 * @param workDir      where configurations, state directories, logs, archives and results go
 */
public record BenchSettings(int runs, int children, Duration steadyAfter, Duration readyTimeout, List<Cell> cells,
        Path workDir) {

    /** The rows {@code docs/benchmarks.md} reports. */
    public static final List<Cell> STANDARD_CELLS = List.of(
            new Cell(JvmProfile.DEFAULT, 1, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.DEFAULT, 0, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SERIAL, 0, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL, 1, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL, 0, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL_CDS, 0, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL_AOT, 1, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL_AOT, 0, LaunchMode.LAUNCHER),
            new Cell(JvmProfile.SMALL_AOT, 0, LaunchMode.DIRECT));

    public BenchSettings {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
        if (children < 0) {
            throw new IllegalArgumentException("--children must be 0 or more, not " + children);
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells to run");
        }
        cells = List.copyOf(cells);
    }

    public static BenchSettings standard(Path workDir) {
        return new BenchSettings(10, 5, Duration.ofSeconds(10), Duration.ofSeconds(60), STANDARD_CELLS, workDir);
    }

    public BenchSettings withRuns(int runs) {
        return new BenchSettings(runs, children, steadyAfter, readyTimeout, cells, workDir);
    }

    public BenchSettings withChildren(int children) {
        return new BenchSettings(runs, children, steadyAfter, readyTimeout, cells, workDir);
    }

    public BenchSettings withSteadyAfter(Duration steadyAfter) {
        return new BenchSettings(runs, children, steadyAfter, readyTimeout, cells, workDir);
    }

    public BenchSettings withCells(List<Cell> cells) {
        return new BenchSettings(runs, children, steadyAfter, readyTimeout, cells, workDir);
    }

    public BenchSettings withWorkDir(Path workDir) {
        return new BenchSettings(runs, children, steadyAfter, readyTimeout, cells, workDir);
    }
}
