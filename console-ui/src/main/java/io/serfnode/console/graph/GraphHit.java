package io.serfnode.console.graph;

import java.util.List;

/**
 * What lies under a screen point: a member, or one of its children's satellites.
 *
 * @param member index in the model's members
 * @param child  index in that member's children, or -1 when the member's disc itself was hit
 */
public record GraphHit(int member, int child) {
    /** Extra pixels around small targets so they can be hit with a mouse. */
    static final double SLACK_PIXELS = 3;

    public boolean isChild() {
        return child >= 0;
    }

    /** The hit at screen point ({@code sx}, {@code sy}), or null when nothing is there. */
    public static GraphHit find(GraphModel model, GraphLayout layout, Viewport view, double sx, double sy) {
        if (layout.size() != model.size() || model.size() == 0) {
            return null;
        }
        double wx = view.toWorldX(sx);
        double wy = view.toWorldY(sy);
        double slack = SLACK_PIXELS / view.scale();
        boolean satellites = GraphLayout.MEMBER_RADIUS * view.scale() >= GraphRenderer.SATELLITE_RADIUS;
        if (satellites) {
            int near = layout.memberAt(wx, wy, Satellites.reach(Satellites.FIRST_ORBIT_CAPACITY_HINT) + slack);
            if (near >= 0) {
                List<GraphChild> kids = model.members().get(near).children();
                double reachSquared = square(Satellites.LOUD_RADIUS + slack);
                int best = -1;
                double bestDistance = reachSquared;
                for (int c = 0; c < kids.size(); c++) {
                    double dx = layout.x(near) + Satellites.dx(c, kids.size()) - wx;
                    double dy = layout.y(near) + Satellites.dy(c, kids.size()) - wy;
                    double d = dx * dx + dy * dy;
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                if (best >= 0) {
                    return new GraphHit(near, best);
                }
            }
        }
        int member = layout.memberAt(wx, wy, GraphLayout.MEMBER_RADIUS + slack);
        return member < 0 ? null : new GraphHit(member, -1);
    }

    private static double square(double v) {
        return v * v;
    }
}
