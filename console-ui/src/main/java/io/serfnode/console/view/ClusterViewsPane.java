package io.serfnode.console.view;

import io.serfnode.console.viewmodel.ClusterViewsViewModel;
import io.serfnode.console.viewmodel.ViewGroupRow;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The split-brain check in full: the verdict, one card per group of members that see the same membership
 * (who they are, what they see, whom they hold failed), and the members that did not answer.
 */
public final class ClusterViewsPane extends VBox {
    private final ClusterViewsViewModel model;
    private final VBox groups = new VBox();
    private final Label silent = new Label();

    public ClusterViewsPane(ClusterViewsViewModel model) {
        this.model = model;
        setId("cluster-views");
        getStyleClass().add("cluster-views");

        Label title = new Label();
        title.setId("views-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> capitalised(model.badgeProperty().get()),
                model.badgeProperty()));
        Button again = new Button("Check now");
        again.setId("views-check-now");
        again.setOnAction(e -> model.checkNow());
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(title, spacer, again);
        top.getStyleClass().add("row");

        Label detail = new Label();
        detail.setId("views-detail");
        detail.getStyleClass().add("muted");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailProperty());

        groups.setId("view-groups");
        groups.getStyleClass().add("view-groups");
        silent.setId("views-no-answer");
        silent.getStyleClass().add("muted");
        silent.setWrapText(true);

        model.groups().addListener((ListChangeListener<ViewGroupRow>) c -> showGroups());
        model.noAnswer().addListener((ListChangeListener<String>) c -> showGroups());
        model.verdictProperty().addListener((o, a, b) -> showGroups());
        showGroups();
        getChildren().addAll(top, detail, groups, silent);
        setPrefWidth(460);
    }

    private void showGroups() {
        boolean differ = model.verdictProperty().get() == ClusterViewsViewModel.Verdict.DIFFER;
        groups.getChildren().clear();
        int index = 1;
        for (ViewGroupRow row : model.groups()) {
            groups.getChildren().add(card(row, differ ? "Group " + index + " of " + model.groups().size() : "All members"));
            index++;
        }
        silent.setText(model.noAnswer().isEmpty() ? ""
                : "No answer from " + String.join(", ", model.noAnswer())
                        + " (silent, or on the far side of a partition)");
        silent.setVisible(!model.noAnswer().isEmpty());
        silent.setManaged(!model.noAnswer().isEmpty());
    }

    private static Region card(ViewGroupRow row, String heading) {
        Label caption = new Label(heading);
        caption.getStyleClass().add("caption");
        Label digest = new Label(row.digest());
        digest.getStyleClass().addAll("mono", "muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(caption, spacer, digest);
        top.getStyleClass().add("row");
        Label members = new Label(row.membersText());
        members.getStyleClass().addAll("mono", "view-group-members");
        members.setWrapText(true);
        Label sees = new Label("sees " + row.sees());
        sees.getStyleClass().add("muted");
        Label failed = new Label("holds failed: " + row.failedText());
        failed.setWrapText(true);
        failed.getStyleClass().add(row.failedMembers().isEmpty() && row.failedText().equals("none")
                ? "muted" : "view-group-failed");
        VBox card = new VBox(top, members, sees, failed);
        card.getStyleClass().add("view-group");
        card.setId("view-group-" + row.digest().toLowerCase(Locale.ROOT));
        return card;
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
