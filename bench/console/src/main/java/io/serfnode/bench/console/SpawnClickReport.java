package io.serfnode.bench.console;

import io.serfnode.model.RuntimeKind;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The spawn benchmark's tables for docs/benchmarks.md, its verdicts, and its raw runs as CSV. */
final class SpawnClickReport {
    private SpawnClickReport() {
    }

    /** Issue 6's goal for a runtime: under 3 s for a process member, 5 s for a Docker member (local image). */
    static double goalMillis(RuntimeKind runtime) {
        return runtime == RuntimeKind.PROCESS ? 3000 : 5000;
    }

    /**
     * Met when every run showed its member under the goal; partly met when the median did; missed otherwise. A
     * run whose member never showed counts as over the goal.
     */
    static String verdict(List<SpawnTiming> runs, double goalMillis) {
        List<Double> shown = runs.stream().map(SpawnTiming::shown).toList();
        long under = Percentiles.under(shown, goalMillis);
        String count = String.format(Locale.ROOT, "%d of %d under %s", under, runs.size(), seconds(goalMillis));
        if (under == runs.size()) {
            return "met (" + count + ")";
        }
        Percentiles all = Percentiles.of(shown.stream().map(v -> Double.isNaN(v) ? Double.MAX_VALUE : v).toList());
        return all.p50() < goalMillis ? "partly met: the median is under the goal (" + count + ")"
                : "missed (" + count + ")";
    }

    static String of(List<SpawnTiming> timings, SpawnClickSettings settings, String platform, double loadBefore,
                     double loadMean, String removal) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Platform: %s; a cluster of %d `serfnode agent` processes (serf profile"
                        + " %s; agent JVM options: %s); %.0f s pause after each member showed; load average %.2f"
                        + " before, %.2f on average during the runs.%n%n", platform, settings.clusterSize(),
                settings.profile(), settings.agentJavaOptions().isBlank() ? "none"
                        : "`" + settings.agentJavaOptions() + "`", settings.pauseSeconds(), loadBefore, loadMean));
        md.append("| runtime | clicked | runs | ok | p50 | p90 | max | goal | verdict |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (RuntimeKind runtime : settings.runtimes()) {
            List<SpawnTiming> runs = of(timings, runtime);
            if (runs.isEmpty()) {
                continue;
            }
            Percentiles shown = Percentiles.of(runs.stream().map(SpawnTiming::shown).toList());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s | %s |%n",
                    label(runtime, settings), settings.clickFor(runtime).label(), runs.size(),
                    runs.stream().filter(t -> t.outcome().equals("ok")).count(), ms(shown.p50()), ms(shown.p90()),
                    ms(shown.max()), seconds(goalMillis(runtime)), verdict(runs, goalMillis(runtime))));
        }
        md.append("\nWhere the time goes (p50 / max of each moment after the click, ms; the console's side of each"
                + " step is when it reached the console):\n\n");
        md.append("| runtime | `requested` | `created` | its agent's first log line | its serf running | `joined`"
                + " | result | `member-join` at the console | alive in the view model | shown alive (graph drawn) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RuntimeKind runtime : settings.runtimes()) {
            List<SpawnTiming> runs = of(timings, runtime);
            if (runs.isEmpty()) {
                continue;
            }
            md.append("| ").append(runtime.wireName());
            for (ToDoubleFunction<SpawnTiming> moment : List.<ToDoubleFunction<SpawnTiming>>of(SpawnTiming::requested,
                    SpawnTiming::created, SpawnTiming::agentLog, SpawnTiming::serfRunning, SpawnTiming::joined,
                    SpawnTiming::result, SpawnTiming::event, SpawnTiming::inModel, SpawnTiming::shown)) {
                Percentiles p = Percentiles.of(runs.stream().map(moment::applyAsDouble).toList());
                md.append(" | ").append(plain(p.p50())).append(" / ").append(plain(p.max()));
            }
            md.append(" |\n");
        }
        md.append("\nEvery run (ms after the click):\n\n");
        md.append("| runtime | run | member | pid / container | requested | created | first log line | serf running"
                + " | joined | result | member-join | in view model | shown | load | outcome |\n");
        md.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SpawnTiming t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | **%s**"
                            + " | %.2f | %s |%n", t.runtime().wireName(), t.run(), t.member(),
                    t.handle() == null ? "-" : t.handle().id(), plain(t.requested()), plain(t.created()),
                    plain(t.agentLog()), plain(t.serfRunning()), plain(t.joined()), plain(t.result()),
                    plain(t.event()), plain(t.inModel()), plain(t.shown()), t.loadAverage(), t.outcome()));
        }
        if (!removal.isEmpty()) {
            md.append("\nClean-up: ").append(removal).append(".\n");
        }
        return md.toString();
    }

    static String csv(List<SpawnTiming> timings) {
        StringBuilder csv = new StringBuilder("runtime,run,member,handle,requested_ms,created_ms,first_log_line_ms,"
                + "serf_running_ms,joined_ms,result_ms,member_join_ms,in_model_ms,shown_ms,load,outcome\n");
        for (SpawnTiming t : timings) {
            csv.append(String.format(Locale.ROOT,
                    "%s,%d,%s,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.2f,\"%s\"%n",
                    t.runtime().wireName(), t.run(), t.member(), t.handle() == null ? "" : t.handle().id(),
                    t.requested(), t.created(), t.agentLog(), t.serfRunning(), t.joined(), t.result(), t.event(),
                    t.inModel(), t.shown(), t.loadAverage(), t.outcome().replace("\"", "'")));
        }
        return csv.toString();
    }

    private static List<SpawnTiming> of(List<SpawnTiming> timings, RuntimeKind runtime) {
        return timings.stream().filter(t -> t.runtime() == runtime).toList();
    }

    private static String label(RuntimeKind runtime, SpawnClickSettings settings) {
        return runtime == RuntimeKind.DOCKER ? "docker (" + settings.image() + ")" : runtime.wireName();
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    private static String plain(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%,.0f", millis);
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.0f s", millis / 1000);
    }
}
