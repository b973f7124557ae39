package io.serfnode.console.graph;

import java.util.List;

/**
 * Where every member of one model sits, in world units, indexed like {@link GraphModel#members()}; plus the
 * groups the layout formed. Computed once per layout-relevant model change by {@link GraphLayouts}.
 */
public final class GraphLayout {
    /** A member's disc radius in world units; satellites orbit just outside it. */
    public static final double MEMBER_RADIUS = 10;

    /** One group of members (a role or a host) and the circle it occupies. */
    public record Group(String label, int size, double centreX, double centreY, double radius) {
    }

    private final double[] xs;
    private final double[] ys;
    private final List<Group> groups;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    GraphLayout(double[] xs, double[] ys, List<Group> groups) {
        this.xs = xs;
        this.ys = ys;
        this.groups = List.copyOf(groups);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Group g : groups) {
            x0 = Math.min(x0, g.centreX() - g.radius());
            y0 = Math.min(y0, g.centreY() - g.radius());
            x1 = Math.max(x1, g.centreX() + g.radius());
            y1 = Math.max(y1, g.centreY() + g.radius());
        }
        if (groups.isEmpty()) {
            x0 = y0 = -100;
            x1 = y1 = 100;
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    public int size() {
        return xs.length;
    }

    public double x(int member) {
        return xs[member];
    }

    public double y(int member) {
        return ys[member];
    }

    public List<Group> groups() {
        return groups;
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    /** The member whose disc (or satellites' orbit, {@code reach} world units) holds the world point, or -1. */
    public int memberAt(double worldX, double worldY, double reach) {
        int best = -1;
        double bestDistance = reach * reach;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - worldX;
            double dy = ys[i] - worldY;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
