package io.serfnode.bench.console;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The ingest results as Markdown, as they go into docs/benchmarks.md: the first snapshot, then one column a flood. */
final class IngestReport {
    private IngestReport() {
    }

    static String of(List<IngestResult> floods, String platform) {
        IngestResult first = floods.get(0);
        IngestSettings s = first.settings();
        IngestRun.Snapshot snapshot = first.snapshot();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Ingest run: %,d members with %,d children, then %,.0f events/s for %.0f s,"
                        + " twice, over the agent's WebSocket API from a process of its own (%s, %d cores).%n%n",
                s.members(), s.members() * s.childrenPerMember(), s.eventsPerSecond(), s.seconds(), platform,
                Runtime.getRuntime().availableProcessors()));
        md.append("| first snapshot | value |\n|---|---|\n");
        md.append(line("connect → welcome read (connected, authenticated)", ms(snapshot.welcomedMillis())));
        md.append(line("connect → snapshot handed to the view model", ms(snapshot.snapshotArrivedMillis())));
        md.append(line("connect → graph model holds every member (drawn)", ms(snapshot.graphFullMillis())));
        md.append(line("connect → next frame rendered", ms(snapshot.graphOnScreenMillis())));
        md.append(line("connect → frame with every member in the member list", ms(snapshot.listOnScreenMillis())));
        md.append(line("(building and showing the window before the connect)", ms(snapshot.showMillis())));
        md.append('\n');

        md.append("| measure |");
        floods.forEach(f -> md.append(' ').append(f.title()).append(" |"));
        md.append("\n|---|");
        floods.forEach(f -> md.append("---|"));
        md.append('\n');
        row(md, floods, "events sent / handed on by the session / applied by the view model",
                r -> String.format(Locale.ROOT, "%,d / %,d / %,d", r.delivered(), r.sessionEvents(), r.viewModelEvents()));
        row(md, floods, "loss: seq gaps or repeats, resyncs (lagged), children differing at the end",
                r -> String.format(Locale.ROOT, "%d, %d, %d → %s", r.seqBreaks(), r.sessionResyncs(),
                        r.childMismatches(), r.lossless() ? "no loss" : "LOSS"));
        row(md, floods, "events/s sent", r -> String.format(Locale.ROOT, "%,.0f", r.sentPerSecond()));
        row(md, floods, "events/s applied by the view model (first sent → last applied)",
                r -> String.format(Locale.ROOT, "%,.0f", r.ingestedPerSecond()));
        row(md, floods, "slowest whole second at the view model (seq advance)",
                r -> String.format(Locale.ROOT, "%,d events", slowestSecond(r)));
        row(md, floods, "last event sent → applied by the view model (polled)", r -> ms(r.catchUpMillis()));
        row(md, floods, "FX pulses measured", r -> String.format(Locale.ROOT, "%,d", r.pulseWork().count()));
        row(md, floods, "FX pulse duration p50 / p99 / max (wall)", r -> stats(r.pulseWork()));
        row(md, floods, "FX pulse CPU p50 / p99 / max", r -> stats(r.pulseCpu()));
        row(md, floods, "**pulses over 50 ms** (of them with a GC pause)",
                r -> String.format(Locale.ROOT, "**%,d** (%,d)", r.pulsesOver(50), r.pulsesOverWithGc(50)));
        row(md, floods, "  their wall time: on the CPU / waiting for a core / collector / blocked",
                r -> slowPulses(r.slowPulses(50)));
        row(md, floods, "pulse interval p50 / p99 / max", r -> stats(r.pulseInterval()));
        row(md, floods, "console CPU per event (FX + render + session threads)",
                r -> String.format(Locale.ROOT, "%.1f µs", r.consoleCpuMicrosPerEvent()));
        Set<String> parts = new TreeSet<>();
        floods.forEach(f -> parts.addAll(f.cpuNanosByPart().keySet()));
        for (String part : parts) {
            row(md, floods, "  CPU per event: " + part,
                    r -> String.format(Locale.ROOT, "%.1f µs", r.cpuMicrosPerEvent(part)));
        }
        row(md, floods, "process CPU during the flood: console / source / wall",
                r -> String.format(Locale.ROOT, "%.1f s / %.1f s / %.1f s", r.processCpuNanos() / 1e9,
                        r.sourceCpuNanos() / 1e9, (r.caughtUp() - r.floodStart()) / 1e9));
        row(md, floods, "load average (1 min) at start / mean during",
                r -> String.format(Locale.ROOT, "%.2f / %.2f", r.loadBefore(), r.loadDuring()));
        return md.toString();
    }

    private static String slowPulses(IngestResult.SlowPulses slow) {
        if (slow.wall() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.0f / %s / %.0f / %.0f ms", slow.cpu(),
                Double.isNaN(slow.runQueue()) ? "?" : String.format(Locale.ROOT, "%.0f", slow.runQueue()), slow.gc(),
                slow.blocked());
    }

    private static long slowestSecond(IngestResult r) {
        long[] rates = r.ratePerSecond();
        long slowest = Long.MAX_VALUE;
        // the last second is cut short by the end of the flood
        for (int i = 0; i + 1 < rates.length; i++) {
            slowest = Math.min(slowest, rates[i]);
        }
        return slowest == Long.MAX_VALUE ? 0 : slowest;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    private static String stats(IngestResult.Stats stats) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", stats.p50(), stats.p99(), stats.max());
    }

    private static String line(String measure, String value) {
        return "| " + measure + " | " + value + " |\n";
    }

    private static void row(StringBuilder md, List<IngestResult> floods, String measure,
                            Function<IngestResult, String> value) {
        md.append("| ").append(measure).append(" |");
        floods.forEach(f -> md.append(' ').append(value.apply(f)).append(" |"));
        md.append('\n');
    }
}
