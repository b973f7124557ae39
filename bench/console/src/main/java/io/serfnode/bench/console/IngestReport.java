package io.serfnode.bench.console;

import java.util.Locale;
import java.util.Map;

/** The ingest results as Markdown, as they go into docs/benchmarks.md. */
final class IngestReport {
    private IngestReport() {
    }

    static String of(IngestResult r, String platform) {
        IngestSettings s = r.settings();
        IngestResult.Stats work = r.pulseWork();
        IngestResult.Stats cpu = r.pulseCpu();
        IngestResult.Stats interval = r.pulseInterval();
        long[] rates = r.ratePerSecond();
        long minRate = Long.MAX_VALUE;
        for (int i = 0; i + 1 < rates.length; i++) {
            minRate = Math.min(minRate, rates[i]);
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Ingest run: %,d members with %,d children, then %,.0f events/s for %.0f s"
                        + " over the agent's WebSocket API (%s, %d cores).%n%n", s.members(),
                s.members() * s.childrenPerMember(), s.eventsPerSecond(), s.seconds(), platform,
                Runtime.getRuntime().availableProcessors()));
        md.append("| measure | value |\n|---|---|\n");
        row(md, "first snapshot: connect → welcome read (connected, authenticated)", "%.0f ms", r.welcomedMillis());
        row(md, "first snapshot: connect → snapshot handed to the view model", "%.0f ms", r.snapshotArrivedMillis());
        row(md, "first snapshot: connect → graph model holds every member (drawn)", "%.0f ms", r.graphFullMillis());
        row(md, "first snapshot: connect → next frame rendered", "%.0f ms", r.graphOnScreenMillis());
        row(md, "(building and showing the window before the connect)", "%.0f ms", r.showMillis());
        row(md, "events sent / handed on by the session / applied by the view model", "%s",
                String.format(Locale.ROOT, "%,d / %,d / %,d", r.delivered(), r.sessionEvents(), r.viewModelEvents()));
        row(md, "loss: seq gaps or repeats, extra snapshots (lagged), children differing at the end", "%s",
                String.format(Locale.ROOT, "%d, %d, %d → %s", r.seqBreaks(), r.sessionSnapshots() - 1,
                        r.childMismatches(), r.lossless() ? "no loss" : "LOSS"));
        row(md, "events/s sent", "%,.0f", r.deliveredPerSecond());
        row(md, "events/s applied by the view model (first sent → last applied)", "%,.0f", r.ingestedPerSecond());
        row(md, "slowest whole second at the view model (seq advance)", "%,d events", minRate == Long.MAX_VALUE ? 0 : minRate);
        row(md, "last event sent → applied by the view model (polled)", "%.0f ms", r.catchUpMillis());
        row(md, "FX pulses measured", "%,d", (double) work.count());
        row(md, "FX pulse duration p50 / p99 / max (wall)", "%s", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms",
                work.p50(), work.p99(), work.max()));
        row(md, "FX pulse CPU p50 / p99 / max", "%s", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms",
                cpu.p50(), cpu.p99(), cpu.max()));
        row(md, "pulses over 50 ms", "%,d", (double) r.pulsesOver(50));
        row(md, "pulse interval p50 / p99 / max", "%s", String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms",
                interval.p50(), interval.p99(), interval.max()));
        row(md, "console CPU per event (FX + render + session threads)", "%.1f µs", r.consoleCpuMicrosPerEvent());
        for (Map.Entry<String, Long> part : r.cpuNanosByPart().entrySet()) {
            row(md, "  CPU per event: " + part.getKey(), "%.1f µs", r.cpuMicrosPerEvent(part.getKey()));
        }
        row(md, "process CPU during the run (all parts) / wall", "%s", String.format(Locale.ROOT, "%.1f s / %.1f s",
                r.processCpuNanos() / 1e9, (r.caughtUp() - r.floodStart()) / 1e9));
        row(md, "load average (1 min) at start / mean during", "%s", String.format(Locale.ROOT, "%.2f / %.2f",
                r.loadBefore(), r.loadDuring()));
        return md.toString();
    }

    private static void row(StringBuilder md, String measure, String format, Object value) {
        Object shown = value instanceof Double d && format.contains("%,d") ? (Object) Math.round(d) : value;
        md.append("| ").append(measure).append(" | ").append(String.format(Locale.ROOT, format, shown)).append(" |\n");
    }
}
