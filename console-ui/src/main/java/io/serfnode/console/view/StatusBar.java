package io.serfnode.console.view;

import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.viewmodel.ClusterViewsViewModel;
import io.serfnode.console.viewmodel.MainViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One calm line: a dot for the connection's phase, then agent, seq, events per second; at the right a badge
 * saying whether the members' views agree, and on TLS the start of the agent's certificate fingerprint (all of
 * it in the tooltip).
 */
public final class StatusBar extends HBox {
    private Runnable onViewsBadge;
    private Label viewsBadge;

    public StatusBar(MainViewModel model) {
        getStyleClass().add("status-bar");
        Region dot = new Region();
        dot.getStyleClass().add("phase-dot");
        Label line = new Label();
        line.setId("status-line");
        line.textProperty().bind(model.statusLineProperty());
        setPhase(dot, model.phaseProperty().get());
        model.phaseProperty().addListener((o, a, b) -> setPhase(dot, b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label fingerprint = new Label();
        fingerprint.setId("status-fingerprint");
        fingerprint.getStyleClass().add("mono");
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(Bindings.concat("Agent certificate SHA-256 ", model.fingerprintProperty()));
        fingerprint.setTooltip(whole);
        fingerprint.textProperty().bind(Bindings.createStringBinding(
                () -> shortFingerprint(model.fingerprintProperty().get()), model.fingerprintProperty()));
        fingerprint.visibleProperty().bind(model.fingerprintProperty().isNotEmpty());
        getChildren().addAll(dot, line, spacer, viewsBadge(model.views()), fingerprint);
    }

    private Label viewsBadge(ClusterViewsViewModel views) {
        Label badge = new Label();
        viewsBadge = badge;
        badge.setId("views-badge");
        badge.getStyleClass().add("views-badge");
        badge.textProperty().bind(views.badgeProperty());
        badge.setTooltip(new Tooltip("Whether the members see the same membership (split-brain check); click for"
                + " the groups (Ctrl+Shift+V)"));
        setVerdict(badge, views.verdictProperty().get());
        views.verdictProperty().addListener((o, a, b) -> setVerdict(badge, b));
        badge.setOnMouseClicked(e -> {
            if (onViewsBadge != null) {
                onViewsBadge.run();
            }
        });
        return badge;
    }

    /** The badge saying whether the members' views agree; the groups' popover points at it. */
    public Label viewsBadge() {
        return viewsBadge;
    }

    /** What clicking the views badge does: the window shows the groups. */
    public void setOnViewsBadge(Runnable action) {
        onViewsBadge = action;
    }

    private static void setVerdict(Label badge, ClusterViewsViewModel.Verdict verdict) {
        badge.getStyleClass().removeIf(style -> style.startsWith("views-") && !style.equals("views-badge"));
        badge.getStyleClass().add("views-" + verdict.name().toLowerCase(Locale.ROOT));
    }

    /** The first eight bytes, as operators compare fingerprints at a glance. */
    static String shortFingerprint(String sha256) {
        if (sha256 == null || sha256.isEmpty()) {
            return "";
        }
        String[] bytes = sha256.split(":");
        return bytes.length <= 8 ? "TLS " + sha256 : "TLS " + String.join(":", java.util.Arrays.copyOf(bytes, 8)) + " …";
    }

    private static void setPhase(Region dot, ConnectionStatus.Phase phase) {
        dot.getStyleClass().removeIf(style -> style.startsWith("phase-") && !style.equals("phase-dot"));
        dot.getStyleClass().add("phase-" + phase.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
