package io.serfnode.console.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * A legend of role colours: one swatch and name per role present in the graph, in name order. Use
 * {@link #follow(ClusterGraphView)} to keep it in step with a view's model.
 */
public class RoleLegend extends FlowPane {
    private final RolePalette palette;
    private List<String> shown = List.of();
    private Map<String, Color> colours = Map.of();
    private ClusterGraphView followed;
    private final ChangeListener<GraphModel> onModel = (obs, old, model) -> showGraph();

    public RoleLegend() {
        this(RolePalette.defaultPalette());
    }

    public RoleLegend(RolePalette palette) {
        this.palette = Objects.requireNonNull(palette, "palette");
        getStyleClass().add("role-legend");
        setHgap(12);
        setVgap(4);
    }

    /** Shows the roles of {@code view}'s model now and whenever it changes. */
    public RoleLegend follow(ClusterGraphView view) {
        if (followed != null) {
            followed.modelProperty().removeListener(onModel);
        }
        followed = view;
        view.modelProperty().addListener(onModel);
        showGraph();
        return this;
    }

    private void showGraph() {
        Map<String, Color> graphColours = followed.roleColours();
        show(List.copyOf(graphColours.keySet()), graphColours);
    }

    /** Shows these roles, coloured as the palette assigns them together. */
    public void setRoles(List<String> roles) {
        show(roles, palette.assign(roles));
    }

    private void show(List<String> roles, Map<String, Color> roleColours) {
        List<String> sorted = roles.stream().sorted().distinct().toList();
        if (sorted.equals(shown) && roleColours.equals(colours)) {
            return;
        }
        shown = sorted;
        colours = roleColours;
        getChildren().clear();
        for (String role : sorted) {
            Circle swatch = new Circle(6, roleColours.getOrDefault(role, palette.colourOf(role)));
            swatch.getStyleClass().add("role-legend-swatch");
            Label entry = new Label(role, swatch);
            entry.getStyleClass().add("role-legend-entry");
            getChildren().add(entry);
        }
    }

    public List<String> roles() {
        return shown;
    }
}
