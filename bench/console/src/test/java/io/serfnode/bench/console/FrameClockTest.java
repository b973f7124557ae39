package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameClockTest {

    @Test
    void keepsMomentsInOrderUpToItsCapacity() {
        FrameClock clock = new FrameClock(3);
        for (long i = 1; i <= 5; i++) {
            clock.record(i);
        }
        assertThat(clock.count()).isEqualTo(3);
        assertThat(clock.moments()).containsExactly(1, 2, 3);
    }
}
