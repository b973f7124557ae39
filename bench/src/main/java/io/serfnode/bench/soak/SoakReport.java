package io.serfnode.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What the soak found: the stand-in's tally of transitions, the churn done, and memory over time. */
record SoakReport(SoakSettings settings, List<MemorySample> samples, TransitionLedger.Tally tally,
                  List<String> lostExamples, List<String> duplicatedExamples, int spawned, int killed,
                  int childCrashes, List<Double> spawnSeconds, long eventsSent, long eventsFailed,
                  long userEventsSeen, long lagged, boolean consoleDrew, String loadBefore, String loadAfter,
                  List<String> problems) {

    /** How much of the end of the run the memory slopes are taken over: the last 20 minutes of a long run. */
    static final long SLOPE_WINDOW_SECONDS = 20 * 60;

    /** No transition produced outside a kill's in-flight window was lost, and none arrived twice. */
    boolean transitionsIntact() {
        return tally.lost() == 0 && tally.duplicated() == 0;
    }

    String verdict() {
        return String.format(Locale.ROOT, "soak %s: %d transitions produced while the stand-in listened, %d lost, "
                        + "%d duplicated; %d more made by spawned members in the %d s before their SIGKILL, %d of "
                        + "those lost",
                transitionsIntact() ? "PASSED" : "FAILED", tally.expected(), tally.lost(), tally.duplicated(),
                tally.inFlightAtKill(), settings.inFlightWindow().toSeconds(), tally.lostInFlight());
    }

    /**
     * The samples the slopes are taken over: the last 20 minutes when the run is at least 25 minutes long (the
     * first minutes warm up: class loading, JIT, buffers, journals filling), the second half of a shorter run.
     */
    List<MemorySample> slopeWindow() {
        if (samples.isEmpty()) {
            return samples;
        }
        long end = samples.getLast().seconds();
        long from = end >= 25 * 60 ? end - SLOPE_WINDOW_SECONDS : end / 2;
        return samples.stream().filter(sample -> sample.seconds() >= from).toList();
    }

    String slopeWindowWords() {
        long end = samples.isEmpty() ? 0 : samples.getLast().seconds();
        return end >= 25 * 60 ? "the last 20 minutes" : "the second half";
    }

    /** Least-squares slope of {@code value} over {@link #slopeWindow()}, in MiB per minute. */
    double slopePerMinute(ToDoubleFunction<MemorySample> value) {
        return slope(slopeWindow(), value);
    }

    static double slope(List<MemorySample> window, ToDoubleFunction<MemorySample> value) {
        if (window.size() < 2) {
            return 0;
        }
        double meanX = window.stream().mapToDouble(MemorySample::seconds).average().orElse(0);
        double meanY = window.stream().mapToDouble(value).average().orElse(0);
        double num = 0;
        double den = 0;
        for (MemorySample sample : window) {
            double dx = sample.seconds() - meanX;
            num += dx * (value.applyAsDouble(sample) - meanY);
            den += dx * dx;
        }
        return den == 0 ? 0 : num / den * 60;
    }

    void write(Path dir) throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add(MemorySample.CSV_HEADER);
        samples.forEach(sample -> csv.add(sample.csv()));
        Files.write(dir.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
        MemoryPlot.write(samples, String.format(Locale.ROOT,
                "Soak: %d members (%d spawned in turn), %.1f min of churn, memory over time", settings.members(),
                settings.churnSlots(), settings.duration().toSeconds() / 60.0), dir.resolve("memory.png"));
        Files.writeString(dir.resolve("summary.md"), markdown() + DiagnosticsDiff.markdown(dir.resolve("diagnostics")),
                StandardCharsets.UTF_8);
    }

    String markdown() {
        MemorySample first = samples.getFirst();
        MemorySample last = samples.getLast();
        StringBuilder md = new StringBuilder();
        md.append("# Soak summary\n\n");
        md.append(String.format(Locale.ROOT, "%s.%n%n", verdict()));
        md.append(String.format(Locale.ROOT, "* churn: %.1f min; %d members at a time: %d stay (in the harness "
                        + "JVM), %d spawned through `spawn-member` (each its own agent JVM) and replaced in turn; %d "
                        + "spawned (the first %d at the start), %d killed with SIGKILL; %d child crashes (SIGKILL of "
                        + "`worker`); every member's `flaky` child exits on its own every 20 s%n",
                settings.duration().toSeconds() / 60.0, settings.members(), settings.members() - settings.churnSlots(),
                settings.churnSlots(), spawned, settings.churnSlots(), killed, childCrashes));
        md.append(String.format(Locale.ROOT, "* the staying members forget a failed member %.1f min after it failed "
                + "(serf's reconnect timeout, `--serf-reconnect-timeout`)%n",
                settings.forgetFailedAfter().toSeconds() / 60.0));
        if (!spawnSeconds.isEmpty()) {
            List<Double> sorted = spawnSeconds.stream().sorted().toList();
            md.append(String.format(Locale.ROOT, "* `spawn-member` until its `ok` result (the member joined): "
                            + "median %.1f s, max %.1f s%n", sorted.get(sorted.size() / 2), sorted.getLast()));
        }
        md.append(String.format(Locale.ROOT, "* transitions: %d expected at the stand-in, %d lost, %d duplicated "
                        + "(%d distinct received); %d made in the %d s before a SIGKILL, %d of those lost; "
                        + "%d counters missing from the producers' own records%n", tally.expected(), tally.lost(),
                tally.duplicated(), tally.seenTotal(), tally.inFlightAtKill(), settings.inFlightWindow().toSeconds(),
                tally.lostInFlight(), tally.gaps()));
        if (!lostExamples.isEmpty()) {
            md.append("* lost transitions (member#counter): ").append(lostExamples).append('\n');
        }
        if (!duplicatedExamples.isEmpty()) {
            md.append("* duplicated transitions: ").append(duplicatedExamples).append('\n');
        }
        md.append(String.format(Locale.ROOT, "* user events: %d raised (%d failed to raise), %d received by the "
                        + "stand-in (%.1f%%); `lagged` sent to the stand-in: %d%n", eventsSent, eventsFailed,
                userEventsSeen, eventsSent == 0 ? 0 : 100.0 * userEventsSeen / eventsSent, lagged));
        md.append(String.format(Locale.ROOT, "* the JavaFX console %s its first snapshot%n",
                consoleDrew ? "drew" : "never drew"));
        md.append(String.format(Locale.ROOT, "* load average (1, 5, 15 min) before / after: %s / %s; 1-minute load "
                        + "during the run: median %.1f, max %.1f (2 cores, shared)%n", loadBefore, loadAfter,
                median(samples.stream().mapToDouble(MemorySample::load1).sorted().toArray()),
                samples.stream().mapToDouble(MemorySample::load1).max().orElse(0)));
        md.append(String.format(Locale.ROOT, "%n| memory (MiB) | first sample | last sample | max | slope over %s "
                + "(MiB/min) |%n", slopeWindowWords()));
        md.append("|---|---|---|---|---|\n");
        row(md, "harness JVM (staying members, spawner, clients): heap after GC", MemorySample::heapUsedMb, first,
                last);
        row(md, "harness JVM: heap committed", MemorySample::heapCommittedMb, first, last);
        row(md, "harness JVM: RSS", MemorySample::rssMb, first, last);
        row(md, "serf agents' RSS, all together", MemorySample::serfRssMb, first, last);
        row(md, "spawned member JVM: RSS, mean per member", MemorySample::spawnedRssPerMemberMb, first, last);
        row(md, "spawned member JVM: heap after GC, mean", MemorySample::spawnedHeapPerMemberMb, first, last);
        row(md, "JavaFX console: RSS", MemorySample::consoleRssMb, first, last);
        row(md, "JavaFX console: heap after GC", MemorySample::consoleHeapMb, first, last);
        row(md, "JavaFX console: heap committed", MemorySample::consoleCommittedMb, first, last);
        md.append(String.format(Locale.ROOT, "%nThreads: harness %d → %d, console %d → %d. Samples: %d every %d s "
                        + "(samples.csv), plot: memory.png.%n", first.threads(), last.threads(), first.consoleThreads(),
                last.consoleThreads(), samples.size(), settings.sampleEvery().toSeconds()));
        if (!problems.isEmpty()) {
            md.append("\nProblems noted (").append(problems.size()).append("):\n\n");
            problems.stream().distinct().limit(30).forEach(problem -> md.append("* ").append(problem).append('\n'));
        }
        return md.toString();
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private void row(StringBuilder md, String label, ToDoubleFunction<MemorySample> value, MemorySample first,
                     MemorySample last) {
        double max = samples.stream().mapToDouble(value).max().orElse(0);
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %+.2f |%n", label,
                value.applyAsDouble(first), value.applyAsDouble(last), max, slopePerMinute(value)));
    }
}
