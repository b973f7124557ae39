package io.serfnode.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What the soak found: the client's tally of transitions, the churn done, and memory over time. */
record SoakReport(SoakSettings settings, List<MemorySample> samples, TransitionLedger.Tally tally,
                  String lostExamples, int spawned, int killed, int childCrashes, long eventsSent,
                  long eventsFailed, long userEventsSeen, String loadBefore, String loadAfter,
                  List<String> problems) {

    /** No transition produced by a member that was not being killed was lost, and none arrived twice. */
    boolean transitionsIntact() {
        return tally.lost() == 0 && tally.duplicated() == 0;
    }

    String verdict() {
        return String.format(Locale.ROOT, "soak %s: %d transitions produced while the client listened, %d lost, "
                        + "%d duplicated; %d produced by members being killed, %d of those lost",
                transitionsIntact() ? "PASSED" : "FAILED", tally.produced(), tally.lost(), tally.duplicated(),
                tally.producedWhileDying(), tally.lostWhileDying());
    }

    /**
     * Least-squares slope of {@code value} over the second half of the run, in MiB per minute: near 0 when
     * memory is flat once warmed up.
     */
    double slopePerMinute(ToDoubleFunction<MemorySample> value) {
        List<MemorySample> half = samples.subList(samples.size() / 2, samples.size());
        if (half.size() < 2) {
            return 0;
        }
        double meanX = half.stream().mapToDouble(MemorySample::seconds).average().orElse(0);
        double meanY = half.stream().mapToDouble(value).average().orElse(0);
        double num = 0;
        double den = 0;
        for (MemorySample sample : half) {
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
        MemoryPlot.write(samples, String.format(Locale.ROOT, "Soak: %d members, %.1f min of churn, memory over time",
                settings.members(), settings.duration().toSeconds() / 60.0), dir.resolve("memory.png"));
        Files.writeString(dir.resolve("summary.md"), markdown(), StandardCharsets.UTF_8);
    }

    String markdown() {
        MemorySample first = samples.getFirst();
        MemorySample last = samples.getLast();
        StringBuilder md = new StringBuilder();
        md.append("# Soak summary\n\n");
        md.append(String.format(Locale.ROOT, "%s.%n%n", verdict()));
        md.append(String.format(Locale.ROOT, "* churn: %.1f min; %d members at a time in one JVM (%d stay, %d "
                        + "replaced in turn); %d members started in the churn slots (the first %d at the start), %d killed; %d child crashes (SIGKILL); every "
                        + "member's `flaky` child exits on its own every 20 s%n",
                settings.duration().toSeconds() / 60.0, settings.members(), settings.members() - settings.churnSlots(),
                settings.churnSlots(), spawned, settings.churnSlots(), killed, childCrashes));
        md.append(String.format(Locale.ROOT, "* user events: %d raised (%d failed to raise), %d received by the "
                + "client (%.1f%%)%n", eventsSent, eventsFailed, userEventsSeen,
                eventsSent == 0 ? 0 : 100.0 * userEventsSeen / eventsSent));
        md.append(String.format(Locale.ROOT, "* load average before / after: %s / %s%n", loadBefore, loadAfter));
        if (tally.lost() > 0) {
            md.append("* lost transitions, for example: ").append(lostExamples).append('\n');
        }
        md.append("\n| memory (MiB) | first sample | last sample | max | slope over the second half (MiB/min) |\n");
        md.append("|---|---|---|---|---|\n");
        row(md, "heap used after GC", MemorySample::heapUsedMb, first, last);
        row(md, "heap committed", MemorySample::heapCommittedMb, first, last);
        row(md, "JVM RSS (all members + client)", MemorySample::rssMb, first, last);
        row(md, "serf agents' RSS, total", MemorySample::serfRssMb, first, last);
        md.append(String.format(Locale.ROOT, "%nThreads: %d at the first sample, %d at the last. Samples: %d "
                + "(samples.csv), plot: memory.png.%n", first.threads(), last.threads(), samples.size()));
        if (!problems.isEmpty()) {
            md.append("\nProblems noted (").append(problems.size()).append("):\n\n");
            problems.stream().distinct().limit(20).forEach(problem -> md.append("* ").append(problem).append('\n'));
        }
        return md.toString();
    }

    private void row(StringBuilder md, String label, ToDoubleFunction<MemorySample> value, MemorySample first,
                     MemorySample last) {
        double max = samples.stream().mapToDouble(value).max().orElse(0);
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %+.2f |%n", label,
                value.applyAsDouble(first), value.applyAsDouble(last), max, slopePerMinute(value)));
    }
}
