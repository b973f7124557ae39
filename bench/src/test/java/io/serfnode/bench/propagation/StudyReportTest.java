package io.serfnode.bench.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {

    @TempDir
    Path dir;

    private static CellResult cell() {
        return new CellResult("lan", 3, 200, 3, 2, "2026-01-01T00:00:00Z", 12.5, 1.0, 1.5, 2.0,
                List.of(new EventTrial(1, 16, "m0", List.of(1.0, 150.0, 300.0), 0, List.of()),
                        new EventTrial(2, 16, "m1", List.of(2.0, 90.0), 1, List.of("m2"))),
                List.of(new MemberTrial("m2", List.of(6000.0, 6100.0), 0)),
                List.of(new MemberTrial("m3", List.of(1100.0, 1200.0), 0)));
    }

    @Test
    void readsBackTheCellsItWrote() throws IOException {
        StudyReport.write(cell(), dir);

        assertThat(StudyReport.read(dir)).containsExactly(cell());
    }

    @Test
    void tablesNameAnEventThatNeverReachedEveryone() {
        String markdown = StudyReport.markdown(List.of(cell()));

        assertThat(markdown).contains("| lan | 3 | 16 | 2 | 300 | never | never | never |");
        assertThat(markdown).contains("| lan | 3 | 1 | 6000 | 6100 | 6100 | 0 |");
    }

    @Test
    void drawsOnePlotPerProfile() throws IOException {
        StudyReport.plots(List.of(cell()), dir);

        BufferedImage image = ImageIO.read(dir.resolve("propagation-lan.png").toFile());
        assertThat(image.getWidth()).isPositive();
    }
}
