package io.serfnode.bench.console;

import java.nio.file.Path;
import java.util.List;

/** How the render benchmark runs; {@link #defaults()} is what {@code make bench-console} uses. */
record BenchSettings(List<Scenario> scenarios, double seconds, double warmupSeconds, int width, int height,
                     double maxZoom, double changesPerSecond, Path out) {

    static BenchSettings defaults() {
        return new BenchSettings(List.of(new Scenario(1000, 5), new Scenario(5000, 1), new Scenario(5000, 5)),
                10, 3, 1280, 800, 12, 20, Path.of("bench/console/target/render-bench"));
    }

    BenchSettings withScenarios(List<Scenario> value) {
        return new BenchSettings(value, seconds, warmupSeconds, width, height, maxZoom, changesPerSecond, out);
    }

    BenchSettings withSeconds(double value) {
        return new BenchSettings(scenarios, value, warmupSeconds, width, height, maxZoom, changesPerSecond, out);
    }

    BenchSettings withWarmupSeconds(double value) {
        return new BenchSettings(scenarios, seconds, value, width, height, maxZoom, changesPerSecond, out);
    }

    BenchSettings withSize(int w, int h) {
        return new BenchSettings(scenarios, seconds, warmupSeconds, w, h, maxZoom, changesPerSecond, out);
    }

    BenchSettings withChangesPerSecond(double value) {
        return new BenchSettings(scenarios, seconds, warmupSeconds, width, height, maxZoom, value, out);
    }

    BenchSettings withOut(Path value) {
        return new BenchSettings(scenarios, seconds, warmupSeconds, width, height, maxZoom, changesPerSecond, value);
    }
}
