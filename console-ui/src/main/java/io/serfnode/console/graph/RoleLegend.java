package io.serfnode.console.graph;

import java.util.List;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Circle;

/**
 * A legend of role colours: one swatch and name per role present in the graph, in name order. Use
 * {@link #follow(ClusterGraphView)} to keep it in step with a view's model.
 */
public class RoleLegend extends FlowPane {
    private final RolePalette palette;
    private List<String> shown = List.of();
    private final ChangeListener<GraphModel> onModel = (obs, old, model) -> setRoles(model.roles());

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
        view.modelProperty().addListener(onModel);
        setRoles(view.getModel().roles());
        return this;
    }

    /** Shows these roles (rebuilt only when the list differs from what is shown). */
    public void setRoles(List<String> roles) {
        List<String> sorted = roles.stream().sorted().distinct().toList();
        if (sorted.equals(shown)) {
            return;
        }
        shown = sorted;
        getChildren().clear();
        for (String role : sorted) {
            Circle swatch = new Circle(6, palette.colourOf(role));
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
