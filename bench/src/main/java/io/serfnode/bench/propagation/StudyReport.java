package io.serfnode.bench.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads the cells' JSON files and writes the Markdown tables and one convergence plot per profile. */
final class StudyReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyReport() {
    }

    static List<CellResult> read(Path out) throws IOException {
        List<CellResult> cells = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("cell-.*\\.json")).toList()) {
                cells.add(JSON.readValue(file.toFile(), CellResult.class));
            }
        }
        cells.sort(Comparator.comparing(CellResult::profile).thenComparingInt(CellResult::members));
        return cells;
    }

    static void write(CellResult cell, Path out) throws IOException {
        Files.createDirectories(out);
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve("cell-" + cell.profile() + "-" + cell.members() + ".json").toFile(), cell);
    }

    static String markdown(List<CellResult> cells) {
        StringBuilder md = new StringBuilder();
        md.append("### User events: time until every member had the event (ms)\n\n");
        md.append("| profile | N | payload (B) | events | p50 | p90 | p99 | max | median member | model: 99 % | model: all but 0.5 |"
                + " missing | load mean / max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CellResult cell : cells) {
            GossipModel model = new GossipModel(java.time.Duration.ofMillis(cell.gossipIntervalMs()), cell.fanout());
            for (int payload : cell.events().stream().map(EventTrial::payloadBytes).distinct().sorted().toList()) {
                List<EventTrial> events = cell.events().stream().filter(e -> e.payloadBytes() == payload).toList();
                List<Double> toAll = events.stream().map(EventTrial::toAllMs).toList();
                List<Double> all = events.stream().flatMap(e -> e.arrivalsMs().stream()).toList();
                Distribution d = Distribution.of(toAll);
                int missing = events.stream().mapToInt(EventTrial::missing).sum();
                double lastButHalf = model.millisToReach(cell.members(), 1 - 0.5 / cell.members());
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %s | %s | %.0f | %.0f | %d | %.1f / %.1f |\n",
                        cell.profile(), cell.members(), payload, events.size(), ms(d.p50()), ms(d.p90()), ms(d.p99()),
                        ms(d.max()), ms(Distribution.of(all).p50()), model.millisToReach(cell.members(), 0.99),
                        lastButHalf, missing, cell.loadMean(), cell.loadMax()));
            }
        }
        md.append("\n### Failure detection after kill -9: time until members' streams reported member-failed (ms)\n\n");
        memberTable(md, cells, true);
        md.append("\n### Graceful leave: time until members' streams reported member-leave (ms)\n\n");
        memberTable(md, cells, false);
        return md.toString();
    }

    private static void memberTable(StringBuilder md, List<CellResult> cells, boolean failures) {
        md.append("| profile | N | trials | first member: p50 | every member: p50 | every member: max | missing |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CellResult cell : cells) {
            List<MemberTrial> trials = failures ? cell.failures() : cell.leaves();
            if (trials.isEmpty()) {
                continue;
            }
            Distribution first = Distribution.of(trials.stream().map(MemberTrial::firstMs).toList());
            Distribution all = Distribution.of(trials.stream().map(MemberTrial::allMs).toList());
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %d |\n", cell.profile(), cell.members(),
                    trials.size(), ms(first.p50()), ms(all.p50()), ms(all.max()),
                    trials.stream().mapToInt(MemberTrial::missing).sum()));
        }
    }

    private static String ms(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "never";
    }

    static void plots(List<CellResult> cells, Path images) throws IOException {
        for (String profile : cells.stream().map(CellResult::profile).distinct().toList()) {
            ConvergencePlot.write(profile, cells.stream().filter(c -> c.profile().equals(profile)).toList(),
                    images.resolve("propagation-" + profile + ".png"));
        }
    }
}
