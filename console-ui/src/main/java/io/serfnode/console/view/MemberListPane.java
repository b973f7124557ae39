package io.serfnode.console.view;

import io.serfnode.console.state.MemberView;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.model.SupervisorState;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

    /**
     * One row, its nodes made once and updated in place: at thousands of events a second every visible row
     * changes in every pulse, and new nodes each time would cost the pulse their CSS and layout from scratch.
     */
    private static final class MemberCell extends ListCell<MemberView> {
        private final Label status = new Label();
        private final Label name = new Label();
        private final Label address = new Label();
        // one line, chips shortened with an ellipsis when the row is narrow: every row has the same height
        private final HBox roles = new HBox();
        private final HBox dots = new HBox();
        private final VBox graphic;
        private List<String> shownRoles = List.of();

        MemberCell() {
            // fit the list's width (names are clipped) instead of growing a horizontal scroll bar
            setPrefWidth(0);
            status.getStyleClass().add("chip");
            name.getStyleClass().addAll("mono", "member-name");
            address.getStyleClass().addAll("mono", "muted");
            roles.getStyleClass().add("chips");
            dots.getStyleClass().add("child-dots");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
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
            graphic = new VBox(line, details);
        }

        /**
         * Once a row has been laid out, its height becomes the list's fixed cell size: every row is as high
         * (two lines), and a list that knows it no longer measures rows whenever members change.
         */
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            ListView<MemberView> view = getListView();
            if (view != null && view.getFixedCellSize() <= 0 && getGraphic() != null && getHeight() > 0) {
                view.setFixedCellSize(getHeight());
            }
        }

        @Override
        protected void updateItem(MemberView member, boolean empty) {
            super.updateItem(member, empty);
            setText(null);
            if (empty || member == null) {
                setGraphic(null);
                return;
            }
            String statusName = member.member().status().serfName();
            status.setText(statusName);
            restyle(status, "status-", "status-" + statusName);
            name.setText(member.name());
            address.setText(member.member().address());
            if (!shownRoles.equals(member.member().roles())) {
                shownRoles = List.copyOf(member.member().roles());
                roles.getChildren().setAll(shownRoles.stream().map(Chips::role).toList());
            }
            showDots(member);
            setGraphic(graphic);
        }

        private void showDots(MemberView member) {
            var children = member.children();
            var nodes = dots.getChildren();
            while (nodes.size() > children.size()) {
                nodes.removeLast();
            }
            while (nodes.size() < children.size()) {
                Region dot = new Region();
                dot.getStyleClass().add("child-dot");
                nodes.add(dot);
            }
            for (int i = 0; i < children.size(); i++) {
                SupervisorState state = children.get(i).status().state();
                restyle(nodes.get(i), "state-", "state-" + state.name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        /** Gives {@code node} the one style class starting with {@code prefix} that it should have now. */
        private static void restyle(javafx.scene.Node node, String prefix, String wanted) {
            var styles = node.getStyleClass();
            if (styles.contains(wanted) && styles.stream().filter(style -> style.startsWith(prefix)).count() == 1) {
                return;
            }
            styles.removeIf(style -> style.startsWith(prefix));
            styles.add(wanted);
        }
    }
}
