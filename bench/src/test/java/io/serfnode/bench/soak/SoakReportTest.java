package io.serfnode.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakReportTest {

    private static MemorySample at(long seconds, double heapMb) {
        return new MemorySample(seconds, heapMb, 64, 300, 180, 150, 3, 540, 60, 250, 18, 40, 31, 10, 0, 0, 1);
    }

    private static SoakReport reportOf(List<MemorySample> samples) {
        return new SoakReport(SoakSettings.ISSUE, samples, new TransitionLedger.Tally(0, 0, 0, 0, 0, 0, 0),
                List.of(), List.of(), 0, 0, 0, List.of(), 0, 0, 0, 0, true, "", "", List.of());
    }

    @Test
    void takesTheSlopeOverTheLastTwentyMinutesOfALongRun() {
        List<MemorySample> samples = new ArrayList<>();
        for (long s = 0; s <= 30 * 60; s += 10) {
            // a warm-up climb over the first 10 minutes, flat afterwards
            samples.add(at(s, s < 600 ? s / 10.0 : 60));
        }
        SoakReport report = reportOf(samples);

        assertThat(report.slopeWindow().getFirst().seconds()).isEqualTo(600);
        assertThat(report.slopePerMinute(MemorySample::heapUsedMb)).isCloseTo(0, within(1e-9));
    }

    @Test
    void takesTheSlopeOverTheSecondHalfOfAShortRunInMebibytesPerMinute() {
        List<MemorySample> samples = new ArrayList<>();
        for (long s = 0; s <= 180; s += 10) {
            samples.add(at(s, 10 + s / 60.0 * 2));
        }

        assertThat(reportOf(samples).slopePerMinute(MemorySample::heapUsedMb)).isCloseTo(2, within(1e-9));
    }
}
