package io.serfnode.console.graph;

import io.serfnode.model.MemberStatus;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * A legend of the member shapes that tell statuses apart without colour: alive (filled), leaving (faded, dashed
 * ring), left (hollow), failed (cross badge). Each glyph is drawn by the graph's own renderer, so it always
 * matches the graph.
 */
public class StatusLegend extends FlowPane {
    static final List<MemberStatus> SHOWN =
            List.of(MemberStatus.ALIVE, MemberStatus.LEAVING, MemberStatus.LEFT, MemberStatus.FAILED);
    private static final double SIZE = 18;

    public StatusLegend() {
        this(GraphTheme.LIGHT);
    }

    public StatusLegend(GraphTheme theme) {
        getStyleClass().add("status-legend");
        setHgap(12);
        setVgap(4);
        GraphRenderer renderer = new GraphRenderer(RolePalette.defaultPalette());
        for (MemberStatus status : SHOWN) {
            Canvas glyph = new Canvas(SIZE, SIZE);
            GraphMember sample = new GraphMember(status.serfName(), "", List.of(), status, List.of());
            renderer.drawMember(glyph.getGraphicsContext2D(), sample, SIZE / 2, SIZE / 2, SIZE / 2 - 3, theme);
            Label entry = new Label(status.serfName(), glyph);
            entry.getStyleClass().add("status-legend-entry");
            getChildren().add(entry);
        }
    }

    /** The statuses shown, in order. */
    public List<MemberStatus> statuses() {
        return SHOWN;
    }
}
