package io.serfnode.console.view;

import io.serfnode.console.state.MemberView;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.model.SupervisorState;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The members as a list with role chips and child state dots: the cluster's overview while the graph
 * is not part of the build, and a quick keyboard-friendly way to select a member.
 */
public final class MemberListPane extends VBox {
    private final ListView<MemberView> list;

    public MemberListPane(MainViewModel model) {
        getStyleClass().add("member-list-pane");
        Label title = new Label("Members");
        title.getStyleClass().add("section-title");
        list = new ListView<>(model.members());
        list.setId("member-list");
        list.setPlaceholder(new Label("Connect to a cluster (Ctrl+K)"));
        list.setCellFactory(view -> new MemberCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.name().equals(model.selectedMemberProperty().get())) {
                model.select(b.name());
            }
        });
        // members are replaced wholesale on refresh: keep the selection on the same name
        model.members().addListener((javafx.collections.ListChangeListener<MemberView>) c -> reselect(model));
        model.selectedMemberProperty().addListener((o, a, b) -> reselect(model));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    private void reselect(MainViewModel model) {
        String wanted = model.selectedMemberProperty().get();
        if (wanted == null) {
            return;
        }
        for (int i = 0; i < model.members().size(); i++) {
            if (model.members().get(i).name().equals(wanted)) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    private static final class MemberCell extends ListCell<MemberView> {
        MemberCell() {
            // fit the list's width (names are clipped) instead of growing a horizontal scroll bar
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(MemberView member, boolean empty) {
            super.updateItem(member, empty);
            if (empty || member == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(member.name());
            name.getStyleClass().addAll("mono", "member-name");
            Label address = new Label(member.member().address());
            address.getStyleClass().addAll("mono", "muted");
            FlowPane roles = new FlowPane();
            roles.getStyleClass().add("chips");
            member.member().roles().forEach(role -> roles.getChildren().add(Chips.role(role)));
            HBox dots = new HBox();
            dots.getStyleClass().add("child-dots");
            member.children().forEach(child -> {
                Region dot = new Region();
                SupervisorState state = child.status().state();
                dot.getStyleClass().addAll("child-dot", "state-" + state.name().toLowerCase(java.util.Locale.ROOT));
                dots.getChildren().add(dot);
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label status = Chips.status(member.member().status());
            // the name and status stay whole; the address has a line of its own with the roles, so it is not cut
            status.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            dots.setMinWidth(Region.USE_PREF_SIZE);
            address.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(status, name, spacer, dots);
            line.getStyleClass().add("row");
            HBox.setHgrow(roles, Priority.ALWAYS);
            HBox details = new HBox(address, roles);
            details.getStyleClass().add("row");
            setGraphic(new VBox(line, details));
            setText(null);
        }
    }
}
