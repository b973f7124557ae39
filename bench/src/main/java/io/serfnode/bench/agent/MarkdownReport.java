package io.serfnode.bench.agent;

import java.util.List;
import java.util.Locale;

/** The results as Markdown tables, ready for {@code docs/benchmarks.md}. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String startTimes(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        out.append("| profile | startsecs | launch | runs | ready p50 | ready p90 | ready max "
                + "| first log line p50 | first state file p50 | joined p50 | all RUNNING p50 |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CellResult result : cells) {
            Cell cell = result.cell();
            Percentiles ready = result.readyMs();
            out.append(row(cell.profile().name(), Integer.toString(cell.startsecs()), cell.launch().label(),
                    Integer.toString(ready.count()), ms(ready.p50()), ms(ready.p90()), ms(ready.max()),
                    firstLog(result),
                    ms(result.of(run -> run.timeline().firstFileMs()).p50()),
                    ms(result.of(run -> run.timeline().joinedMs()).p50()),
                    ms(result.of(run -> run.timeline().allRunningMs()).p50())));
        }
        return out.toString();
    }

    public static String memory(List<CellResult> cells) {
        StringBuilder out = new StringBuilder();
        out.append("| profile | startsecs | launch | runs | VmRSS p50 | VmRSS max | VmHWM p50 | VmHWM max "
                + "| RssAnon p50 | RssFile p50 | serf VmRSS p50 |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CellResult result : cells) {
            Cell cell = result.cell();
            Percentiles rss = result.rssMib();
            Percentiles hwm = result.hwmMib();
            out.append(row(cell.profile().name(), Integer.toString(cell.startsecs()), cell.launch().label(),
                    Integer.toString(rss.count()), mib(rss.p50()), mib(rss.max()), mib(hwm.p50()), mib(hwm.max()),
                    mib(result.of(run -> CellResult.mib(run.jvm().rssAnonKb())).p50()),
                    mib(result.of(run -> CellResult.mib(run.jvm().rssFileKb())).p50()),
                    mib(result.of(run -> CellResult.mib(run.serfRssKb())).p50())));
        }
        return out.toString();
    }

    public static String profiles(List<CellResult> cells) {
        StringBuilder out = new StringBuilder("| profile | JVM flags |\n|---|---|\n");
        cells.stream().map(result -> result.cell().profile()).distinct()
                .forEach(profile -> out.append(row(profile.name(), "`" + profile.describe() + "`")));
        return out.toString();
    }

    /** The agent's INFO lines can be lost (see {@link LogMilestones}); say in how many runs. */
    private static String firstLog(CellResult result) {
        Percentiles firstLog = result.of(run -> run.timeline().firstLogMs());
        long silent = result.runs().stream().filter(run -> Double.isNaN(run.timeline().firstLogMs())).count();
        if (firstLog == null) {
            return "no log";
        }
        return ms(firstLog.p50()) + (silent == 0 ? "" : " (" + silent + " runs logged nothing)");
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    static String mib(double mib) {
        return String.format(Locale.ROOT, "%.1f MiB", mib);
    }
}
