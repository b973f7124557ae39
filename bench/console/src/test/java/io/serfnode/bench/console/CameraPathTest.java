package io.serfnode.bench.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.serfnode.console.graph.Viewport;
import org.junit.jupiter.api.Test;

class CameraPathTest {
    private final CameraPath path = new CameraPath(0, 0, 4000, 2000, 1280, 800, 12);

    @Test
    void startsWithTheWholeGraphInSightAtItsCentre() {
        Viewport start = path.at(0);
        Viewport fit = Viewport.fit(0, 0, 4000, 2000, 1280, 800, 24);

        assertThat(start.scale()).isCloseTo(fit.scale(), within(1e-9));
        assertThat(start.toWorldX(640)).isCloseTo(2000, within(1e-6));
        assertThat(start.toWorldY(400)).isCloseTo(1000, within(1e-6));
    }

    @Test
    void zoomsInToItsLimitHalfwayThroughAZoomPeriod() {
        Viewport fit = Viewport.fit(0, 0, 4000, 2000, 1280, 800, 24);
        assertThat(path.at(3).scale()).isCloseTo(fit.scale() * 12, within(1e-9));
        assertThat(path.at(6).scale()).isCloseTo(fit.scale(), within(1e-9));
    }

    @Test
    void staysOverTheGraph() {
        for (double t = 0; t < 20; t += 0.1) {
            Viewport v = path.at(t);
            assertThat(v.toWorldX(640)).isBetween(0.0, 4000.0);
            assertThat(v.toWorldY(400)).isBetween(0.0, 2000.0);
        }
    }
}
