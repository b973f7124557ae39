package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SatellitesTest {

    @Test
    void startsAtTwelveOClock() {
        assertThat(Satellites.dx(0, 5)).isCloseTo(0, within(1e-9));
        assertThat(Satellites.dy(0, 5)).isCloseTo(-Satellites.FIRST_ORBIT, within(1e-9));
    }

    @Test
    void putsTwelveOnTheFirstOrbitThenMovesOutwards() {
        assertThat(Satellites.ring(11)).isZero();
        assertThat(Satellites.ring(12)).isEqualTo(1);
        assertThat(Satellites.ring(29)).isEqualTo(1);
        assertThat(Satellites.ring(30)).isEqualTo(2);
        assertThat(Satellites.orbit(12)).isGreaterThan(Satellites.orbit(11));
    }

    @Test
    void keepsSatellitesApart() {
        for (int n : new int[] {2, 5, 12, 20, 40}) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double d = Math.hypot(Satellites.dx(i, n) - Satellites.dx(j, n),
                            Satellites.dy(i, n) - Satellites.dy(j, n));
                    assertThat(d).as("children %d and %d of %d", i, j, n).isGreaterThan(2 * Satellites.RADIUS);
                }
            }
        }
    }
}
