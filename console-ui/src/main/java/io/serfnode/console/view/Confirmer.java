package io.serfnode.console.view;

import io.serfnode.console.viewmodel.MemberAction;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before disruptive actions. Replaceable so views can be tested without modal dialogs blocking. */
@FunctionalInterface
public interface Confirmer {

    boolean confirm(Window owner, MemberAction action, String target);

    /** A modal alert whose default button is Cancel, so a stray Enter never stops anything. */
    static Confirmer dialogs() {
        return (owner, action, target) -> {
            ButtonType go = new ButtonType(action.verb(), ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, action.confirmationQuestion(target), go, cancel);
            alert.initOwner(owner);
            alert.setTitle(action.verb() + " " + target);
            alert.setHeaderText(action.verb() + " " + target);
            alert.getDialogPane().getStyleClass().add("confirmation");
            alert.getDialogPane().setId("confirm-" + action.name().toLowerCase(java.util.Locale.ROOT));
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
            return alert.showAndWait().filter(go::equals).isPresent();
        };
    }
}
