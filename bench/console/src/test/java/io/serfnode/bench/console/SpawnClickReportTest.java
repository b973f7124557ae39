package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.model.RuntimeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpawnClickReportTest {

    @Test
    void percentilesAreMeasuredValuesByNearestRank() {
        Percentiles p = Percentiles.of(List.of(10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0));

        assertThat(p.p50()).isEqualTo(5.0);
        assertThat(p.p90()).isEqualTo(9.0);
        assertThat(p.max()).isEqualTo(10.0);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void percentilesLeaveOutRunsThatNeverShowed() {
        Percentiles p = Percentiles.of(List.of(1.0, Double.NaN, 3.0));

        assertThat(p.count()).isEqualTo(2);
        assertThat(p.max()).isEqualTo(3.0);
    }

    @Test
    void theGoalIsMetOnlyWhenEveryRunIsUnderIt() {
        assertThat(SpawnClickReport.verdict(runs(2500, 2600, 2900), 3000)).isEqualTo("met (3 of 3 under 3 s)");
    }

    @Test
    void aMedianUnderTheGoalIsOnlyPartlyMet() {
        assertThat(SpawnClickReport.verdict(runs(2500, 2600, 3100), 3000))
                .isEqualTo("partly met: the median is under the goal (2 of 3 under 3 s)");
    }

    @Test
    void aRunThatNeverShowedCountsAsOverTheGoal() {
        assertThat(SpawnClickReport.verdict(runs(2500, Double.NaN, Double.NaN), 3000))
                .isEqualTo("missed (1 of 3 under 3 s)");
    }

    @Test
    void goalsAreTheIssues() {
        assertThat(SpawnClickReport.goalMillis(RuntimeKind.PROCESS)).isEqualTo(3000);
        assertThat(SpawnClickReport.goalMillis(RuntimeKind.DOCKER)).isEqualTo(5000);
    }

    @Test
    void reportsEveryRunWithItsHandleAndTheStepBreakdown() {
        SpawnClickSettings settings = SpawnClickSettings.defaults().withRuntimes(List.of(RuntimeKind.PROCESS));
        String report = SpawnClickReport.of(runs(2500, 2600), settings, "Monocle", 1.0, 2.0, "all gone");

        assertThat(report).contains("| process | \"+1 like this\" | 2 | 2 | 2,500 ms | 2,600 ms | 2,600 ms | 3 s | met")
                .contains("| process | 2 | web-2 | 4243 |").contains("Clean-up: all gone.");
        assertThat(SpawnClickReport.csv(runs(2500))).startsWith("runtime,run,member,handle")
                .contains("process,1,web-1,4242,");
    }

    private static List<SpawnTiming> runs(double... shown) {
        List<SpawnTiming> runs = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            runs.add(new SpawnTiming(RuntimeKind.PROCESS, i + 1, "web-" + (i + 1),
                    new SpawnedHandle(RuntimeKind.PROCESS, Integer.toString(4242 + i)), 50, 60, 1500, 1700, shown[i] - 100,
                    shown[i] - 80, shown[i] - 90, shown[i] - 20, shown[i], 1.5,
                    Double.isNaN(shown[i]) ? "not shown" : "ok"));
        }
        return runs;
    }
}
