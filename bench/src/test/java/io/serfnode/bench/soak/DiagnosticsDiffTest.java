package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsDiffTest {
    private static final String NMT_FIRST = """
            Native Memory Tracking:

            Total: reserved=2178336KB, committed=196608KB
            -                 Java Heap (reserved=524288KB, committed=51200KB)
            -                      Code (reserved=251658KB, committed=23347KB)
            -                    Thread (reserved=205906KB, committed=24318KB)
            """;
    private static final String NMT_LAST = """
            Native Memory Tracking:

            Total: reserved=2178336KB, committed=200704KB
            -                 Java Heap (reserved=524288KB, committed=51200KB)
            -                      Code (reserved=251658KB, committed=28262KB)
            -                    Thread (reserved=205906KB, committed=24400KB)
            """;
    private static final String HISTOGRAM_FIRST = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          6080       15808104  [I (java.base@25.0.3)
               2:          7666         367968  io.serfnode.console.state.EventRow
            """;
    private static final String HISTOGRAM_LAST = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          7058       25633424  [I (java.base@25.0.3)
               2:         30547        1466256  io.serfnode.console.state.EventRow
               3:          2360          94400  com.sun.javafx.text.TextLine
            """;

    @Test
    void namesTheNativeMemoryCategoriesThatChangedAndTheTotal() {
        String table = DiagnosticsDiff.nativeMemory(NMT_FIRST, NMT_LAST);

        assertThat(table).contains("| Code | 22.8 | 27.6 | +4.8 |", "| **total** | 192.0 | 196.0 | +4.0 |");
        assertThat(table).doesNotContain("Java Heap", "Thread");
    }

    @Test
    void listsTheClassesThatGrewMostFirst() {
        String table = DiagnosticsDiff.histogram(HISTOGRAM_FIRST, HISTOGRAM_LAST, 2);

        assertThat(table.lines().skip(2)).containsExactly(
                "| `[I` | 6,080 → 7,058 | 15.1 → 24.4 | +9.37 |",
                "| `io.serfnode.console.state.EventRow` | 7,666 → 30,547 | 0.4 → 1.4 | +1.05 |");
    }

    @Test
    void comparesTheFirstAndLastDiagnosticsOfEachKind(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t600-harness-nmt.txt"), NMT_FIRST);
        Files.writeString(dir.resolve("t2400-harness-nmt.txt"), NMT_FIRST);
        Files.writeString(dir.resolve("t4200-harness-nmt.txt"), NMT_LAST);
        Files.writeString(dir.resolve("t600-console-histogram.txt"), HISTOGRAM_FIRST);
        Files.writeString(dir.resolve("t4200-console-histogram.txt"), HISTOGRAM_LAST);

        String md = DiagnosticsDiff.markdown(dir);

        assertThat(md).contains("t = 600 s → 4200 s", "| Code | 22.8 | 27.6 | +4.8 |", "console's heap",
                "`com.sun.javafx.text.TextLine`");
        assertThat(md).doesNotContain("harness's heap");
        assertThat(DiagnosticsDiff.markdown(dir.resolve("absent"))).isEmpty();
    }
}
