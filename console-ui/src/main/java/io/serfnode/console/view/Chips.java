package io.serfnode.console.view;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.util.Locale;
import javafx.scene.control.Label;

/** Small rounded labels for states and roles; the colours live in the theme's CSS. */
final class Chips {
    private Chips() {
    }

    static Label state(SupervisorState state) {
        Label chip = new Label(state.name());
        chip.getStyleClass().addAll("chip", "state-" + state.name().toLowerCase(Locale.ROOT));
        return chip;
    }

    static Label status(MemberStatus status) {
        Label chip = new Label(status.serfName());
        chip.getStyleClass().addAll("chip", "status-" + status.serfName());
        return chip;
    }

    static Label role(String role) {
        Label chip = new Label(role);
        chip.getStyleClass().addAll("chip", "role-chip");
        return chip;
    }

    /** Resets a reused label to show {@code state}. */
    static void restyle(Label chip, SupervisorState state) {
        chip.setText(state.name());
        chip.getStyleClass().removeIf(style -> style.startsWith("state-"));
        chip.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }
}
