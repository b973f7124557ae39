package io.serfnode.console.graph;

/**
 * The mapping from layout (world) coordinates to screen pixels: {@code screen = world * scale + translate}.
 * Immutable; every move returns a new one.
 */
public record Viewport(double scale, double translateX, double translateY) {
    public static final double MIN_SCALE = 0.01;
    public static final double MAX_SCALE = 8;
    public static final Viewport IDENTITY = new Viewport(1, 0, 0);

    public Viewport {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("viewport: scale must be positive and finite, was " + scale);
        }
    }

    public double toScreenX(double worldX) {
        return worldX * scale + translateX;
    }

    public double toScreenY(double worldY) {
        return worldY * scale + translateY;
    }

    public double toWorldX(double screenX) {
        return (screenX - translateX) / scale;
    }

    public double toWorldY(double screenY) {
        return (screenY - translateY) / scale;
    }

    public Viewport panBy(double dx, double dy) {
        return new Viewport(scale, translateX + dx, translateY + dy);
    }

    /** Zooms by {@code factor} keeping the world point under the screen point ({@code sx}, {@code sy}) in place. */
    public Viewport zoomAround(double factor, double sx, double sy) {
        double newScale = clamp(scale * factor);
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        return new Viewport(newScale, sx - wx * newScale, sy - wy * newScale);
    }

    /** Puts the world point at the centre of a {@code width x height} screen, at the given scale. */
    public static Viewport centredOn(double worldX, double worldY, double scale, double width, double height) {
        double s = clamp(scale);
        return new Viewport(s, width / 2 - worldX * s, height / 2 - worldY * s);
    }

    /** Shows the whole world rectangle inside the screen with {@code padding} pixels to spare on each side. */
    public static Viewport fit(double minX, double minY, double maxX, double maxY, double width, double height,
                               double padding) {
        double worldW = Math.max(1, maxX - minX);
        double worldH = Math.max(1, maxY - minY);
        double usableW = Math.max(1, width - 2 * padding);
        double usableH = Math.max(1, height - 2 * padding);
        double s = Math.min(MAX_SCALE / 4, Math.min(usableW / worldW, usableH / worldH));
        return centredOn((minX + maxX) / 2, (minY + maxY) / 2, s, width, height);
    }

    /**
     * The blend between two viewports at {@code t} in [0, 1] on a {@code width x height} screen: the world point at
     * the screen's centre moves in a straight line and the scale changes geometrically, so the motion looks even.
     */
    public Viewport interpolate(Viewport to, double t, double width, double height) {
        double u = Math.max(0, Math.min(1, t));
        double s = Math.exp(Math.log(scale) * (1 - u) + Math.log(to.scale) * u);
        double wx = toWorldX(width / 2) * (1 - u) + to.toWorldX(width / 2) * u;
        double wy = toWorldY(height / 2) * (1 - u) + to.toWorldY(height / 2) * u;
        return centredOn(wx, wy, s, width, height);
    }

    static double clamp(double scale) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
    }
}
