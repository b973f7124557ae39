package io.serfnode.console.view;

import io.serfnode.console.viewmodel.TriggerEventViewModel;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Fire a user event, with a live byte count against Serf's limit; stays open until the agent confirms. */
public final class TriggerEventDialog extends Dialog<Boolean> {
    public static final ButtonType SEND = new ButtonType("Send event", ButtonBar.ButtonData.OK_DONE);

    public TriggerEventDialog(Window owner, TriggerEventViewModel model) {
        initOwner(owner);
        setTitle("Trigger event");
        setHeaderText("Fire a user event across the cluster");
        getDialogPane().setId("trigger-dialog");
        getDialogPane().getStyleClass().add("form-dialog");
        getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CLOSE);

        TextField name = new TextField();
        name.setId("event-name");
        name.setPromptText("deploy");
        name.getStyleClass().add("mono");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextArea payload = new TextArea();
        payload.setId("event-payload");
        payload.setPromptText("payload (text, often JSON)");
        payload.getStyleClass().add("mono");
        payload.setPrefRowCount(5);
        payload.setWrapText(true);
        payload.textProperty().bindBidirectional(model.payloadProperty());
        CheckBox coalesce = new CheckBox("Let serf coalesce events of this name");
        coalesce.setId("event-coalesce");
        coalesce.selectedProperty().bindBidirectional(model.coalesceProperty());

        Label bytes = new Label();
        bytes.setId("byte-count");
        bytes.getStyleClass().add("byte-count");
        bytes.textProperty().bind(model.byteCountProperty());
        Runnable over = () -> bytes.getStyleClass().removeAll("over");
        model.usedBytesProperty().addListener((o, a, b) -> {
            over.run();
            if (b.intValue() > model.maxBytesProperty().get()) {
                bytes.getStyleClass().add("over");
            }
        });
        Label problem = new Label();
        problem.setId("trigger-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label result = new Label();
        result.setId("trigger-result");
        result.setWrapText(true);
        result.getStyleClass().add("action-line");
        model.actionProperty().addListener((o, a, state) -> {
            result.setText(state.message());
            result.getStyleClass().removeAll("running", "succeeded", "failed");
            result.getStyleClass().add(state.phase().name().toLowerCase(java.util.Locale.ROOT));
        });

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Payload"), payload);
        form.add(bytes, 1, 2);
        form.add(coalesce, 1, 3);
        form.add(problem, 1, 4);
        form.add(result, 1, 5);
        getDialogPane().setContent(form);

        Button send = (Button) getDialogPane().lookupButton(SEND);
        send.setId("send-event");
        send.disableProperty().bind(model.sendableProperty().not());
        // the dialog stays open: the result (or the failure) shows in it
        send.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.trigger();
        });
        setResultConverter(button -> false);
        setOnShown(e -> name.requestFocus());
    }
}
