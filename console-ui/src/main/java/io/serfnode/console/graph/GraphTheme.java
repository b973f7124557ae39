package io.serfnode.console.graph;

import javafx.scene.paint.Color;

/** The graph's non-role colours; {@link #LIGHT} and {@link #DARK} match the console's themes. */
public record GraphTheme(Color background, Color groupFill, Color groupLabel, Color label, Color outline,
                         Color selection, Color edge, Color meshEdge, Color badge) {

    public static final GraphTheme LIGHT = new GraphTheme(
            Color.web("#FAFAF7"), Color.web("#000000", 0.035), Color.web("#5A5F66"), Color.web("#2B2F33"),
            Color.web("#FFFFFF"), Color.web("#1F1F1F"), Color.web("#3B6FB6", 0.55), Color.web("#5A5F66", 0.10),
            Color.web("#1F1F1F"));

    public static final GraphTheme DARK = new GraphTheme(
            Color.web("#1C1E22"), Color.web("#FFFFFF", 0.04), Color.web("#A9B0B8"), Color.web("#E3E6EA"),
            Color.web("#1C1E22"), Color.web("#F5F5F5"), Color.web("#8AB4F8", 0.55), Color.web("#A9B0B8", 0.10),
            Color.web("#F5F5F5"));

    public GraphTheme withBackground(Color colour) {
        return new GraphTheme(colour, groupFill, groupLabel, label, outline, selection, edge, meshEdge, badge);
    }

    public GraphTheme withSelection(Color colour) {
        return new GraphTheme(background, groupFill, groupLabel, label, outline, colour, edge, meshEdge, badge);
    }
}
