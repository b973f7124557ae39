package io.serfnode.bench.console;

import java.util.List;
import java.util.Locale;

/** The results table for docs/benchmarks.md. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String of(List<ScenarioResult> results, String platform, BenchSettings settings) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Platform: %s; window %d x %d; %.0f s measured after %.0f s warm-up; "
                        + "%.0f supervisor changes/s.%n%n", platform, settings.width(), settings.height(),
                settings.seconds(), settings.warmupSeconds(), settings.changesPerSecond()));
        md.append("| scenario | frames rendered | fps | frame p50 | p90 | p99 | max | render CPU/frame p50 | p99"
                + " | FX CPU/frame p50 | p99 | draw calls p50 | layout | GC | fps if idle | goal | verdict |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            double goal = r.scenario().members() <= 1000 ? 50 : 30;
            FrameStats f = r.rendered();
            md.append(String.format(Locale.ROOT,
                    "| %s | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms"
                            + " | %.2f ms | %.0f ms | %.0f ms | %.0f | %.0f fps | %s |%n",
                    r.scenario().label(), f.frames(), f.fps(), f.p50(), f.p90(), f.p99(), f.max(),
                    r.renderCpu().p50(), r.renderCpu().p99(), r.fxCpu().p50(), r.fxCpu().p99(), r.drawP50(),
                    r.layoutMillis(), r.gcMillis(), r.idleFps(), goal, verdict(f.fps(), r.idleFps(), goal)));
        }
        return md.toString();
    }

    private static String verdict(double fps, double idleFps, double goal) {
        if (fps >= goal) {
            return "met";
        }
        return idleFps >= goal ? "met on CPU time, missed on a loaded machine" : "missed";
    }
}
