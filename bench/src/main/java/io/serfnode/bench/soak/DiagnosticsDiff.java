package io.serfnode.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What grew between the first and the last diagnostics the soak wrote ({@code out/diagnostics/t<s>-…}): the
 * harness's native memory by category and, for the harness and the console, the classes whose instances take
 * more room. A summary names the growth the memory samples show instead of leaving it to guesswork.
 */
final class DiagnosticsDiff {
    private static final Pattern FILE = Pattern.compile("t(\\d+)-(.+)\\.txt");
    private static final Pattern NMT_CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final double MIB = 1024 * 1024;

    private DiagnosticsDiff() {
    }

    /** Markdown naming what grew, or empty when fewer than two diagnostics of a kind were written. */
    static String markdown(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        Map<String, TreeMap<Long, Path>> byKind = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byKind.computeIfAbsent(name.group(2), kind -> new TreeMap<>())
                            .put(Long.parseLong(name.group(1)), file);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        TreeMap<Long, Path> nmt = byKind.getOrDefault("harness-nmt", new TreeMap<>());
        if (nmt.size() >= 2) {
            md.append(String.format(Locale.ROOT, "%nHarness native memory (NMT, committed), t = %d s → %d s:%n%n",
                    nmt.firstKey(), nmt.lastKey()));
            md.append(nativeMemory(Files.readString(nmt.firstEntry().getValue()),
                    Files.readString(nmt.lastEntry().getValue())));
        }
        for (String who : List.of("harness", "console")) {
            TreeMap<Long, Path> histograms = byKind.getOrDefault(who + "-histogram", new TreeMap<>());
            if (histograms.size() >= 2) {
                md.append(String.format(Locale.ROOT, "%nThe %s's heap, classes that grew most, t = %d s → %d s:%n%n",
                        who, histograms.firstKey(), histograms.lastKey()));
                md.append(histogram(Files.readString(histograms.firstEntry().getValue()),
                        Files.readString(histograms.lastEntry().getValue()), 8));
            }
        }
        return md.toString();
    }

    /** A table of the NMT categories whose committed memory changed by 0.5 MiB or more, and the total. */
    static String nativeMemory(String first, String last) {
        Map<String, Long> before = categories(first);
        Map<String, Long> after = categories(last);
        StringBuilder md = new StringBuilder("| category | first (MiB) | last (MiB) | change |\n|---|---|---|---|\n");
        for (Map.Entry<String, Long> category : after.entrySet()) {
            long was = before.getOrDefault(category.getKey(), 0L);
            if (Math.abs(category.getValue() - was) >= 512) {
                md.append(row(category.getKey(), was, category.getValue()));
            }
        }
        md.append(row("**total**", total(first), total(last)));
        return md.toString();
    }

    /** A table of the {@code top} classes whose instances grew most in bytes. */
    static String histogram(String first, String last, int top) {
        Map<String, long[]> before = classes(first);
        Map<String, long[]> after = classes(last);
        List<Map.Entry<String, long[]>> grown = new ArrayList<>(after.entrySet());
        grown.sort(Comparator.comparingLong((Map.Entry<String, long[]> entry) ->
                entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1]).reversed());
        StringBuilder md = new StringBuilder("| class | instances | MiB | change (MiB) |\n|---|---|---|---|\n");
        for (Map.Entry<String, long[]> entry : grown.subList(0, Math.min(top, grown.size()))) {
            long[] was = before.getOrDefault(entry.getKey(), new long[2]);
            long[] now = entry.getValue();
            md.append(String.format(Locale.ROOT, "| `%s` | %,d → %,d | %.1f → %.1f | %+.2f |%n", entry.getKey(),
                    was[0], now[0], was[1] / MIB, now[1] / MIB, (now[1] - was[1]) / MIB));
        }
        return md.toString();
    }

    private static String row(String name, long kbBefore, long kbAfter) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |%n", name, kbBefore / 1024.0,
                kbAfter / 1024.0, (kbAfter - kbBefore) / 1024.0);
    }

    private static Map<String, Long> categories(String nmt) {
        Map<String, Long> kb = new LinkedHashMap<>();
        Matcher category = NMT_CATEGORY.matcher(nmt);
        while (category.find()) {
            kb.put(category.group(1).strip(), Long.parseLong(category.group(3)));
        }
        return kb;
    }

    private static long total(String nmt) {
        return Optional.of(NMT_TOTAL.matcher(nmt)).filter(Matcher::find)
                .map(total -> Long.parseLong(total.group(1))).orElse(0L);
    }

    private static Map<String, long[]> classes(String histogram) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(histogram);
        while (row.find()) {
            rows.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
        }
        return rows;
    }
}
