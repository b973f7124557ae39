package io.serfnode.console.graph;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws one frame of the graph onto a canvas. Only what is on screen is drawn, and detail depends on how large a
 * member is on screen: dots when far out, then discs with status shapes, then satellites, then names. Nothing
 * here allocates per member.
 *
 * <p>Status is readable without colour: alive is a filled disc, leaving a faded disc inside a dashed ring, left a
 * hollow ring, failed a filled disc with a cross badge, unknown a dotted hollow ring.
 */
final class GraphRenderer {
    /** Below this on-screen member radius (pixels) members are drawn as plain squares. */
    static final double DOT_RADIUS = 2.2;
    /** From this on-screen member radius on, children are drawn as satellites. */
    static final double SATELLITE_RADIUS = 5;
    /** From this on-screen member radius on, members are named. */
    static final double LABEL_RADIUS = 8;
    static final int MESH_LIMIT = 30;
    /**
     * At most this many pulses are drawn in a frame, the newest. A storm that changes thousands of children at
     * once would otherwise stroke thousands of rings in every frame, and a sea of rings says no more than a few
     * hundred do.
     */
    static final int MAX_DRAWN_PULSES = 200;

    private static final double[] DASHES = {3, 3};
    private static final double[] DOTS = {1.5, 2.5};
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Font GROUP_FONT = Font.font("System", 13);
    /** Room kept between two group titles. */
    private static final double LABEL_GAP = 8;

    private final RolePalette palette;
    private Map<String, Color> roleColours = new HashMap<>();
    // the frame in which each member last pulsed, so a member pulses once per frame when satellites are hidden
    private long[] pulsedAt = new long[0];
    private long frame;
    // group titles drawn in this frame, and the widths of titles measured once
    private final List<double[]> placedLabels = new ArrayList<>();
    private final Map<String, Double> labelWidths = new HashMap<>();

    GraphRenderer(RolePalette palette) {
        this.palette = palette;
    }

    /** Colours for the roles now on the graph (see {@link RolePalette#assign}). */
    void useRoles(List<String> roles) {
        roleColours = new HashMap<>(palette.assign(roles));
    }

    Map<String, Color> roleColours() {
        return Map.copyOf(roleColours);
    }

    Color colourOf(String role) {
        Color c = roleColours.get(role);
        if (c == null) {
            c = palette.colourOf(role);
            roleColours.put(role, c);
        }
        return c;
    }

    void draw(GraphicsContext gc, double width, double height, GraphModel model, GraphLayout layout, Viewport view,
              GraphTheme theme, int selected, Pulses pulses, long nowMillis) {
        gc.setGlobalAlpha(1);
        gc.setLineDashes((double[]) null);
        gc.setFill(theme.background());
        gc.fillRect(0, 0, width, height);
        if (layout.size() != model.size()) {
            return;
        }
        double scale = view.scale();
        double r = GraphLayout.MEMBER_RADIUS * scale;
        double margin = Math.max(60, 40 * scale);
        double left = view.toWorldX(-margin);
        double right = view.toWorldX(width + margin);
        double top = view.toWorldY(-margin);
        double bottom = view.toWorldY(height + margin);

        drawGroups(gc, layout, view, theme, width, height);
        List<GraphMember> members = model.members();
        if (members.size() <= MESH_LIMIT) {
            drawMesh(gc, layout, view, theme);
        }
        if (selected >= 0) {
            drawSelectedEdges(gc, layout, view, theme, selected, width, height);
        }
        if (r < DOT_RADIUS) {
            drawDots(gc, members, layout, view, left, right, top, bottom);
        } else {
            for (int i = 0; i < members.size(); i++) {
                double x = layout.x(i);
                double y = layout.y(i);
                if (x < left || x > right || y < top || y > bottom) {
                    continue;
                }
                drawMember(gc, members.get(i), view.toScreenX(x), view.toScreenY(y), r, theme);
            }
            if (r >= SATELLITE_RADIUS) {
                drawSatellites(gc, members, layout, view, left, right, top, bottom);
            }
            if (r >= LABEL_RADIUS) {
                drawLabels(gc, members, layout, view, theme, left, right, top, bottom);
            }
        }
        if (selected >= 0) {
            drawSelection(gc, members.get(selected), view.toScreenX(layout.x(selected)),
                    view.toScreenY(layout.y(selected)), scale, theme);
        }
        drawPulses(gc, members, layout, view, pulses, nowMillis, r >= SATELLITE_RADIUS, width, height);
        gc.setGlobalAlpha(1);
    }

    private void drawGroups(GraphicsContext gc, GraphLayout layout, Viewport view, GraphTheme theme,
                            double width, double height) {
        gc.setFont(GROUP_FONT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        for (GraphLayout.Group g : layout.groups()) {
            double cx = view.toScreenX(g.centreX());
            double cy = view.toScreenY(g.centreY());
            double gr = g.radius() * view.scale();
            if (cx + gr < 0 || cx - gr > width || cy + gr < 0 || cy - gr > height) {
                continue;
            }
            gc.setFill(theme.groupFill());
            if (coversScreen(cx, cy, gr, width, height)) {
                // zoomed into a group: a huge circle costs far more to rasterise than the screen it covers
                gc.fillRect(0, 0, width, height);
            } else {
                gc.fillOval(cx - gr, cy - gr, 2 * gr, 2 * gr);
            }
            if (gr >= 24) {
                // the full title, or the role alone when it would run into a title already drawn, or nothing
                String title = g.label() + " · " + g.size() + (g.size() == 1 ? " member" : " members");
                String shown = fitsAmongLabels(title, cx, cy - gr - 4) ? title
                        : fitsAmongLabels(g.label(), cx, cy - gr - 4) ? g.label() : null;
                if (shown != null) {
                    placedLabels.add(labelBox(shown, cx, cy - gr - 4));
                    gc.setFill(theme.groupLabel());
                    gc.fillText(shown, cx, cy - gr - 4);
                }
            }
        }
        placedLabels.clear();
    }

    private boolean fitsAmongLabels(String text, double centreX, double baseline) {
        double[] box = labelBox(text, centreX, baseline);
        for (double[] placed : placedLabels) {
            if (box[0] < placed[2] && placed[0] < box[2] && box[1] < placed[3] && placed[1] < box[3]) {
                return false;
            }
        }
        return true;
    }

    /** Left, top, right and bottom of a group title centred on {@code centreX} above {@code baseline}. */
    private double[] labelBox(String text, double centreX, double baseline) {
        if (labelWidths.size() > 256) {
            // titles carry member counts, which change: keep only recent ones
            labelWidths.clear();
        }
        double width = labelWidths.computeIfAbsent(text, GraphRenderer::groupTextWidth) + LABEL_GAP;
        return new double[] {centreX - width / 2, baseline - GROUP_FONT.getSize() - 2, centreX + width / 2, baseline};
    }

    private static double groupTextWidth(String text) {
        Text measured = new Text(text);
        measured.setFont(GROUP_FONT);
        return measured.getLayoutBounds().getWidth();
    }

    private static boolean coversScreen(double cx, double cy, double r, double width, double height) {
        double rr = r * r;
        return dist2(cx, cy, 0, 0) <= rr && dist2(cx, cy, width, 0) <= rr && dist2(cx, cy, 0, height) <= rr
                && dist2(cx, cy, width, height) <= rr;
    }

    private static double dist2(double x1, double y1, double x2, double y2) {
        return (x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2);
    }

    private void drawMesh(GraphicsContext gc, GraphLayout layout, Viewport view, GraphTheme theme) {
        gc.setStroke(theme.meshEdge());
        gc.setLineWidth(1);
        for (int i = 0; i < layout.size(); i++) {
            double x1 = view.toScreenX(layout.x(i));
            double y1 = view.toScreenY(layout.y(i));
            for (int j = i + 1; j < layout.size(); j++) {
                gc.strokeLine(x1, y1, view.toScreenX(layout.x(j)), view.toScreenY(layout.y(j)));
            }
        }
    }

    private void drawSelectedEdges(GraphicsContext gc, GraphLayout layout, Viewport view, GraphTheme theme,
                                   int selected, double width, double height) {
        gc.setStroke(theme.edge());
        gc.setLineWidth(layout.size() > 200 ? 0.6 : 1.2);
        double x1 = view.toScreenX(layout.x(selected));
        double y1 = view.toScreenY(layout.y(selected));
        for (int j = 0; j < layout.size(); j++) {
            if (j == selected) {
                continue;
            }
            double x2 = view.toScreenX(layout.x(j));
            double y2 = view.toScreenY(layout.y(j));
            // both ends beyond the same edge of the screen: the line cannot cross it
            if ((x1 < 0 && x2 < 0) || (x1 > width && x2 > width) || (y1 < 0 && y2 < 0)
                    || (y1 > height && y2 > height)) {
                continue;
            }
            gc.strokeLine(x1, y1, x2, y2);
        }
    }

    private void drawDots(GraphicsContext gc, List<GraphMember> members, GraphLayout layout, Viewport view,
                          double left, double right, double top, double bottom) {
        Color current = null;
        for (int i = 0; i < members.size(); i++) {
            double x = layout.x(i);
            double y = layout.y(i);
            if (x < left || x > right || y < top || y > bottom) {
                continue;
            }
            GraphMember m = members.get(i);
            Color c = m.roles().isEmpty() ? RolePalette.NO_ROLE : colourOf(m.roles().get(0));
            if (c != current) {
                gc.setFill(c);
                current = c;
            }
            double size = m.status() == MemberStatus.ALIVE ? 3 : 2;
            gc.fillRect(view.toScreenX(x) - size / 2, view.toScreenY(y) - size / 2, size, size);
        }
    }

    void drawMember(GraphicsContext gc, GraphMember m, double sx, double sy, double r, GraphTheme theme) {
        switch (m.status()) {
            case ALIVE -> {
                if (r >= 4) {
                    // a disc under the disc, not a stroke: filling is several times cheaper to rasterise
                    gc.setFill(theme.outline());
                    gc.fillOval(sx - r - 1, sy - r - 1, 2 * r + 2, 2 * r + 2);
                }
                fillRoles(gc, m, sx, sy, r);
            }
            case LEAVING -> {
                gc.setGlobalAlpha(0.45);
                fillRoles(gc, m, sx, sy, r * 0.8);
                gc.setGlobalAlpha(1);
                gc.setStroke(theme.label());
                gc.setLineWidth(Math.max(1, r * 0.15));
                gc.setLineDashes(DASHES);
                gc.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
                gc.setLineDashes((double[]) null);
            }
            case LEFT -> strokeRoles(gc, m, sx, sy, r, null);
            case FAILED -> {
                fillRoles(gc, m, sx, sy, r);
                double br = Math.max(2.5, r * 0.45);
                double bx = sx + r * 0.75;
                double by = sy - r * 0.75;
                gc.setFill(theme.badge());
                gc.fillOval(bx - br, by - br, 2 * br, 2 * br);
                gc.setStroke(theme.background());
                gc.setLineWidth(Math.max(1, br * 0.35));
                gc.setLineCap(StrokeLineCap.ROUND);
                double a = br * 0.5;
                gc.strokeLine(bx - a, by - a, bx + a, by + a);
                gc.strokeLine(bx - a, by + a, bx + a, by - a);
                gc.setLineCap(StrokeLineCap.SQUARE);
            }
            default -> strokeRoles(gc, m, sx, sy, r, DOTS);
        }
    }

    private void fillRoles(GraphicsContext gc, GraphMember m, double sx, double sy, double r) {
        List<String> roles = m.roles();
        if (roles.size() <= 1) {
            gc.setFill(roles.isEmpty() ? RolePalette.NO_ROLE : colourOf(roles.get(0)));
            gc.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            return;
        }
        double extent = 360.0 / roles.size();
        for (int k = 0; k < roles.size(); k++) {
            gc.setFill(colourOf(roles.get(k)));
            // first role from twelve o'clock, clockwise
            gc.fillArc(sx - r, sy - r, 2 * r, 2 * r, 90 - k * extent, -extent, ArcType.ROUND);
        }
    }

    private void strokeRoles(GraphicsContext gc, GraphMember m, double sx, double sy, double r, double[] dashes) {
        List<String> roles = m.roles();
        double lw = Math.max(1.5, r * 0.35);
        double rr = r - lw / 2;
        gc.setLineWidth(lw);
        gc.setLineDashes(dashes);
        if (roles.size() <= 1) {
            gc.setStroke(roles.isEmpty() ? RolePalette.NO_ROLE : colourOf(roles.get(0)));
            gc.strokeOval(sx - rr, sy - rr, 2 * rr, 2 * rr);
        } else {
            double extent = 360.0 / roles.size();
            for (int k = 0; k < roles.size(); k++) {
                gc.setStroke(colourOf(roles.get(k)));
                gc.strokeArc(sx - rr, sy - rr, 2 * rr, 2 * rr, 90 - k * extent, -extent, ArcType.OPEN);
            }
        }
        gc.setLineDashes((double[]) null);
    }

    private void drawSatellites(GraphicsContext gc, List<GraphMember> members, GraphLayout layout, Viewport view,
                                double left, double right, double top, double bottom) {
        double scale = view.scale();
        for (int i = 0; i < members.size(); i++) {
            double x = layout.x(i);
            double y = layout.y(i);
            if (x < left || x > right || y < top || y > bottom) {
                continue;
            }
            List<GraphChild> kids = members.get(i).children();
            int n = kids.size();
            for (int c = 0; c < n; c++) {
                SupervisorState state = kids.get(c).state();
                double cx = view.toScreenX(x + Satellites.dx(c, n));
                double cy = view.toScreenY(y + Satellites.dy(c, n));
                gc.setFill(StatePalette.colourOf(state));
                if (StatePalette.standsOut(state)) {
                    double sr = Satellites.LOUD_RADIUS * scale;
                    gc.fillOval(cx - sr, cy - sr, 2 * sr, 2 * sr);
                    gc.setStroke(StatePalette.colourOf(state));
                    gc.setLineWidth(1);
                    gc.strokeOval(cx - sr - 1.5, cy - sr - 1.5, 2 * sr + 3, 2 * sr + 3);
                } else {
                    double sr = Satellites.RADIUS * scale;
                    gc.fillOval(cx - sr, cy - sr, 2 * sr, 2 * sr);
                }
            }
        }
    }

    private void drawLabels(GraphicsContext gc, List<GraphMember> members, GraphLayout layout, Viewport view,
                            GraphTheme theme, double left, double right, double top, double bottom) {
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(theme.label());
        for (int i = 0; i < members.size(); i++) {
            double x = layout.x(i);
            double y = layout.y(i);
            if (x < left || x > right || y < top || y > bottom) {
                continue;
            }
            GraphMember m = members.get(i);
            double below = Satellites.reach(m.children().size()) * view.scale() + 2;
            gc.fillText(m.name(), view.toScreenX(x), view.toScreenY(y) + below);
        }
    }

    private void drawSelection(GraphicsContext gc, GraphMember m, double sx, double sy, double scale,
                               GraphTheme theme) {
        double rr = Math.max(Satellites.reach(m.children().size()) * scale + 3, 6);
        gc.setStroke(theme.selection());
        gc.setLineWidth(2);
        gc.strokeOval(sx - rr, sy - rr, 2 * rr, 2 * rr);
    }

    private void drawPulses(GraphicsContext gc, List<GraphMember> members, GraphLayout layout, Viewport view,
                            Pulses pulses, long nowMillis, boolean satellites, double width, double height) {
        double scale = view.scale();
        if (pulsedAt.length < members.size()) {
            pulsedAt = new long[members.size()];
        }
        frame++;
        gc.setLineWidth(2);
        int drawn = 0;
        for (int p = pulses.count() - 1; p >= 0 && drawn < MAX_DRAWN_PULSES; p--) {
            int i = pulses.member(p);
            int c = pulses.child(p);
            if (i >= members.size() || c >= members.get(i).children().size()) {
                continue;
            }
            int n = members.get(i).children().size();
            double cx;
            double cy;
            double base;
            if (satellites) {
                cx = view.toScreenX(layout.x(i) + Satellites.dx(c, n));
                cy = view.toScreenY(layout.y(i) + Satellites.dy(c, n));
                base = Satellites.LOUD_RADIUS * scale;
            } else {
                // satellites are hidden at this zoom: the member itself pulses, once for its newest change
                if (pulsedAt[i] == frame) {
                    continue;
                }
                pulsedAt[i] = frame;
                cx = view.toScreenX(layout.x(i));
                cy = view.toScreenY(layout.y(i));
                base = Math.max(3, GraphLayout.MEMBER_RADIUS * scale);
            }
            double rr = base + 3 + 14;
            if (cx + rr < 0 || cx - rr > width || cy + rr < 0 || cy - rr > height) {
                continue;
            }
            double t = pulses.progress(p, nowMillis);
            rr = base + 3 + t * 14;
            gc.setGlobalAlpha(1 - t);
            gc.setStroke(StatePalette.colourOf(members.get(i).children().get(c).state()));
            gc.strokeOval(cx - rr, cy - rr, 2 * rr, 2 * rr);
            drawn++;
        }
        gc.setGlobalAlpha(1);
    }
}
