package io.serfnode.console.view;

import io.serfnode.console.viewmodel.ConnectViewModel;
import io.serfnode.console.viewmodel.RecentCluster;
import io.serfnode.console.viewmodel.TrustChoice;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Connect to a cluster: agent URL, token or token file, TLS trust, recent clusters. */
public final class ConnectDialog extends Dialog<Boolean> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    public ConnectDialog(Window owner, ConnectViewModel model) {
        initOwner(owner);
        setTitle("Connect to a cluster");
        setHeaderText("Connect to any agent of the cluster");
        getDialogPane().setId("connect-dialog");
        getDialogPane().getStyleClass().add("form-dialog");
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);

        ComboBox<RecentCluster> recent = new ComboBox<>(model.recentClusters());
        recent.setId("recent-clusters");
        recent.setPromptText(model.recentClusters().isEmpty() ? "No recent clusters" : "Recent clusters");
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.choose(b);
            }
        });

        TextField url = new TextField();
        url.setId("agent-url");
        url.setPromptText("ws://127.0.0.1:7070/v1/cluster");
        url.getStyleClass().add("mono");
        url.textProperty().bindBidirectional(model.urlProperty());

        CheckBox useFile = new CheckBox("Read the token from a file");
        useFile.setId("use-token-file");
        useFile.selectedProperty().bindBidirectional(model.useTokenFileProperty());
        PasswordField token = new PasswordField();
        token.setId("token");
        token.setPromptText("API token");
        token.textProperty().bindBidirectional(model.tokenProperty());
        TextField tokenFile = new TextField();
        tokenFile.setId("token-file");
        tokenFile.setPromptText("/path/to/token");
        tokenFile.getStyleClass().add("mono");
        tokenFile.textProperty().bindBidirectional(model.tokenFileProperty());
        token.visibleProperty().bind(useFile.selectedProperty().not());
        token.managedProperty().bind(token.visibleProperty());
        tokenFile.visibleProperty().bind(useFile.selectedProperty());
        tokenFile.managedProperty().bind(tokenFile.visibleProperty());

        ComboBox<TrustChoice> trust = new ComboBox<>();
        trust.setId("trust");
        trust.getItems().setAll(TrustChoice.values());
        trust.valueProperty().bindBidirectional(model.trustProperty());
        TextField pem = new TextField();
        pem.setId("pem-file");
        pem.setPromptText("agent certificate (.pem)");
        pem.getStyleClass().add("mono");
        pem.textProperty().bindBidirectional(model.pemFileProperty());
        pem.visibleProperty().bind(trust.valueProperty().isEqualTo(TrustChoice.PEM));
        pem.managedProperty().bind(pem.visibleProperty());
        Label fingerprint = new Label();
        fingerprint.setId("fingerprint");
        fingerprint.getStyleClass().addAll("mono", "muted");
        fingerprint.textProperty().bind(model.fingerprintProperty());

        Label problem = new Label();
        problem.setId("connect-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        int row = 0;
        form.addRow(row++, new Label("Recent"), recent);
        form.addRow(row++, new Label("Agent URL"), url);
        form.addRow(row++, new Label("Token"), token, tokenFile);
        form.add(useFile, 1, row++);
        form.addRow(row++, new Label("TLS trust"), trust);
        form.add(pem, 1, row++);
        form.add(fingerprint, 1, row++);
        form.add(problem, 0, row, 2, 1);
        url.setPrefColumnCount(32);
        getDialogPane().setContent(form);

        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId("connect-button");
        // keep the dialog open and show what is wrong instead of closing on bad input
        connect.addEventFilter(ActionEvent.ACTION, event -> {
            if (!model.connect()) {
                event.consume();
            }
        });
        setResultConverter(button -> button == CONNECT);
        setOnShown(e -> url.requestFocus());
    }
}
