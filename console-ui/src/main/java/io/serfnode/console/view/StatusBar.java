package io.serfnode.console.view;

import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.viewmodel.MainViewModel;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** One calm line: a dot for the connection's phase, then agent, seq, events per second. */
public final class StatusBar extends HBox {

    public StatusBar(MainViewModel model) {
        getStyleClass().add("status-bar");
        Region dot = new Region();
        dot.getStyleClass().add("phase-dot");
        Label line = new Label();
        line.setId("status-line");
        line.textProperty().bind(model.statusLineProperty());
        setPhase(dot, model.phaseProperty().get());
        model.phaseProperty().addListener((o, a, b) -> setPhase(dot, b));
        getChildren().addAll(dot, line);
    }

    private static void setPhase(Region dot, ConnectionStatus.Phase phase) {
        dot.getStyleClass().removeIf(style -> style.startsWith("phase-") && !style.equals("phase-dot"));
        dot.getStyleClass().add("phase-" + phase.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
