package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void keepsThePointUnderTheCursorInPlaceWhenZooming() {
        Viewport before = new Viewport(0.7, 13, -40);
        double wx = before.toWorldX(300);
        double wy = before.toWorldY(200);

        Viewport after = before.zoomAround(1.8, 300, 200);

        assertThat(after.scale()).isCloseTo(1.26, within(1e-9));
        assertThat(after.toScreenX(wx)).isCloseTo(300, within(1e-9));
        assertThat(after.toScreenY(wy)).isCloseTo(200, within(1e-9));
    }

    @Test
    void stopsZoomingAtItsLimits() {
        assertThat(Viewport.IDENTITY.zoomAround(1e6, 0, 0).scale()).isEqualTo(Viewport.MAX_SCALE);
        assertThat(Viewport.IDENTITY.zoomAround(1e-6, 0, 0).scale()).isEqualTo(Viewport.MIN_SCALE);
    }

    @Test
    void fitsTheWorldInsideTheScreenWithPadding() {
        Viewport fit = Viewport.fit(-100, 0, 300, 100, 800, 400, 20);

        assertThat(fit.toScreenX(-100)).isGreaterThanOrEqualTo(20 - 1e-9);
        assertThat(fit.toScreenX(300)).isLessThanOrEqualTo(780 + 1e-9);
        assertThat(fit.toScreenY(50)).isCloseTo(200, within(1e-9));
        assertThat(fit.toScreenX(100)).isCloseTo(400, within(1e-9));
    }

    @Test
    void centresAWorldPoint() {
        Viewport v = Viewport.centredOn(10, 20, 2, 640, 480);
        assertThat(v.toScreenX(10)).isCloseTo(320, within(1e-9));
        assertThat(v.toScreenY(20)).isCloseTo(240, within(1e-9));
    }

    @Test
    void glidesFromOneViewportToAnother() {
        Viewport from = Viewport.centredOn(0, 0, 1, 100, 100);
        Viewport to = Viewport.centredOn(100, 50, 4, 100, 100);

        assertThat(from.interpolate(to, 0, 100, 100)).isEqualTo(from);
        Viewport end = from.interpolate(to, 1, 100, 100);
        assertThat(end.scale()).isCloseTo(4, within(1e-9));
        assertThat(end.toScreenX(100)).isCloseTo(50, within(1e-9));
        Viewport middle = from.interpolate(to, 0.5, 100, 100);
        assertThat(middle.scale()).isCloseTo(2, within(1e-9));
        assertThat(middle.toWorldX(50)).isCloseTo(50, within(1e-9));
    }

    @Test
    void refusesAScaleThatIsNotPositive() {
        assertThatThrownBy(() -> new Viewport(0, 0, 0)).hasMessageContaining("scale must be positive");
    }
}
