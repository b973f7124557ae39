package io.serfnode.console.view;

import io.serfnode.console.state.StateMark;
import io.serfnode.console.viewmodel.ActionState;
import io.serfnode.console.viewmodel.ChildRow;
import io.serfnode.console.viewmodel.MemberAction;
import io.serfnode.console.viewmodel.MemberDetailViewModel;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected member: identity, roles and tags, its children with actions, and a child's timeline. */
public final class MemberDetailPane extends StackPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final MemberDetailViewModel model;
    private final Confirmer confirmer;
    private final TableView<ChildRow> children = new TableView<>();
    private Consumer<String> onSpawnLike;

    public MemberDetailPane(MemberDetailViewModel model, Confirmer confirmer) {
        this.model = model;
        this.confirmer = confirmer;
        getStyleClass().add("detail-pane");

        Label empty = new Label("Select a member to see its children and actions.");
        empty.getStyleClass().add("placeholder-text");

        VBox content = new VBox(header(), rolesAndTags(), childrenTable(), childActions(), memberActions(), actionLine(),
                timeline());
        content.getStyleClass().add("detail-content");
        children.setPrefHeight(170);
        VBox.setVgrow(children, Priority.SOMETIMES);
        content.visibleProperty().bind(model.presentProperty());
        empty.visibleProperty().bind(model.presentProperty().not());
        getChildren().addAll(empty, content);
    }

    private Region header() {
        Label name = new Label();
        name.setId("member-name");
        name.getStyleClass().addAll("title", "mono");
        name.textProperty().bind(model.nameProperty());
        Label status = new Label();
        status.setId("member-status");
        status.getStyleClass().add("chip");
        model.statusProperty().addListener((o, a, b) -> {
            status.setText(b);
            status.getStyleClass().removeIf(s -> s.startsWith("status-"));
            status.getStyleClass().add("status-" + (b.isEmpty() ? MemberStatus.NONE.serfName() : b));
        });
        Label address = new Label();
        address.getStyleClass().addAll("mono", "muted");
        address.textProperty().bind(model.addressProperty());
        Label since = new Label();
        since.getStyleClass().add("muted");
        since.textProperty().bind(Bindings.concat("since ", model.sinceProperty()));
        HBox top = new HBox(name, status);
        top.getStyleClass().add("row");
        HBox bottom = new HBox(address, since);
        bottom.getStyleClass().add("row");
        return new VBox(top, bottom);
    }

    private Region rolesAndTags() {
        FlowPane roles = new FlowPane();
        roles.getStyleClass().add("chips");
        model.roles().addListener((ListChangeListener<String>) c -> {
            roles.getChildren().setAll(model.roles().stream().map(Chips::role).toList());
        });
        FlowPane tags = new FlowPane();
        tags.getStyleClass().add("chips");
        model.tags().addListener((ListChangeListener<Map.Entry<String, String>>) c -> {
            tags.getChildren().setAll(model.tags().stream().map(tag -> {
                Label label = new Label(tag.getKey() + "=" + tag.getValue());
                label.getStyleClass().addAll("tag", "mono");
                return label;
            }).toList());
        });
        return new VBox(roles, tags);
    }

    private Region childrenTable() {
        children.setId("children-table");
        children.setItems(model.children());
        children.setPlaceholder(new Label("No children"));
        children.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ChildRow, String> name = column("Child", ChildRow::name, 120);
        name.getStyleClass().add("mono-column");
        TableColumn<ChildRow, SupervisorState> state = column("State", ChildRow::state, 100);
        state.setMinWidth(100);
        state.setCellFactory(col -> new StateCell());
        TableColumn<ChildRow, String> uptime = column("For", ChildRow::uptime, 80);
        uptime.setMinWidth(72);
        TableColumn<ChildRow, Integer> restarts = column("Restarts", ChildRow::restarts, 70);
        restarts.setMinWidth(70);
        TableColumn<ChildRow, String> exit = column("Exit", ChildRow::exitCode, 50);
        exit.setMinWidth(48);
        TableColumn<ChildRow, String> summary = column("Runs", ChildRow::summary, 160);
        summary.getStyleClass().add("mono-column");
        children.getColumns().setAll(java.util.List.of(name, state, uptime, restarts, exit, summary));
        children.getColumns().forEach(c -> c.setSortable(false));
        children.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectChild(b.name());
            }
        });
        // rows are replaced on refresh: keep the operator's choice selected
        model.children().addListener((ListChangeListener<ChildRow>) c -> {
            String wanted = model.selectedChildProperty().get();
            if (wanted != null) {
                for (int i = 0; i < model.children().size(); i++) {
                    if (model.children().get(i).name().equals(wanted)) {
                        children.getSelectionModel().select(i);
                    }
                }
            }
        });
        return children;
    }

    private static <T> TableColumn<ChildRow, T> column(String title, java.util.function.Function<ChildRow, T> value,
                                                        double width) {
        TableColumn<ChildRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Region childActions() {
        Button restart = actionButton("Restart", "restart-child", MemberAction.RESTART_CHILD);
        Button stop = actionButton("Stop", "stop-child", MemberAction.STOP_CHILD);
        Button start = actionButton("Start", "start-child", MemberAction.START_CHILD);
        restart.getStyleClass().add("accent");
        for (Button button : java.util.List.of(restart, stop, start)) {
            button.disableProperty().bind(model.selectedChildProperty().isNull()
                    .or(Bindings.createBooleanBinding(() -> model.actionProperty().get().isRunning(),
                            model.actionProperty())));
        }
        Label caption = new Label("Child");
        caption.getStyleClass().add("caption");
        HBox box = new HBox(caption, restart, stop, start);
        box.getStyleClass().add("toolbar-row");
        return box;
    }

    private Region memberActions() {
        Button leave = actionButton("Leave", "leave-member", MemberAction.LEAVE_MEMBER);
        Button force = actionButton("Force-leave", "force-leave", MemberAction.FORCE_LEAVE);
        force.getStyleClass().add("danger");
        for (Button button : java.util.List.of(leave, force)) {
            button.disableProperty().bind(Bindings.createBooleanBinding(() -> model.actionProperty().get().isRunning(),
                    model.actionProperty()));
        }
        Button spawnLike = new Button("+1 like this");
        spawnLike.setId("spawn-like");
        spawnLike.getStyleClass().add("accent");
        spawnLike.setTooltip(new Tooltip("Spawn one more member with this member's configuration and roles"));
        spawnLike.setOnAction(e -> spawnLikeSelected());
        Label caption = new Label("Member");
        caption.getStyleClass().add("caption");
        HBox box = new HBox(caption, spawnLike, leave, force);
        box.getStyleClass().add("toolbar-row");
        return box;
    }

    /** What "+1 like this" does with the member's name: the window spawns one more like it. */
    public void setOnSpawnLike(Consumer<String> action) {
        onSpawnLike = action;
    }

    private void spawnLikeSelected() {
        String member = model.nameProperty().get();
        if (onSpawnLike != null && model.presentProperty().get() && !member.isEmpty()) {
            onSpawnLike.accept(member);
        }
    }

    private Button actionButton(String text, String id, MemberAction action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> perform(action));
        return button;
    }

    /** Runs {@code action} on the selection, asking first when it is disruptive. */
    public void perform(MemberAction action) {
        if (!model.presentProperty().get()) {
            return;
        }
        String child = model.selectedChildProperty().get();
        if (action.isChildAction() && child == null) {
            return;
        }
        String target = model.describeTarget(action, child);
        if (action.needsConfirmation() && !confirmer.confirm(getScene() == null ? null : getScene().getWindow(),
                action, target)) {
            return;
        }
        switch (action) {
            case RESTART_CHILD -> model.restartChild(child);
            case STOP_CHILD -> model.stopChild(child);
            case START_CHILD -> model.startChild(child);
            case LEAVE_MEMBER -> model.leaveMember();
            case FORCE_LEAVE -> model.forceLeave();
        }
    }

    private Region actionLine() {
        Label line = new Label();
        line.setId("action-result");
        line.getStyleClass().add("action-line");
        line.setWrapText(true);
        model.actionProperty().addListener((o, a, state) -> {
            line.setText(state.message());
            line.getStyleClass().removeAll("running", "succeeded", "failed");
            if (state.phase() != ActionState.Phase.IDLE) {
                line.getStyleClass().add(state.phase().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return line;
    }

    private Region timeline() {
        Label caption = new Label();
        caption.getStyleClass().add("caption");
        caption.textProperty().bind(Bindings.when(model.selectedChildProperty().isNull())
                .then("Timeline: select a child").otherwise(Bindings.concat("Timeline of ", model.selectedChildProperty())));
        ListView<StateMark> list = new ListView<>(model.timeline());
        list.setId("child-timeline");
        list.setPrefHeight(130);
        list.setMinHeight(96);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(view -> new ListCell<>() {
            private final Label chip = Chips.state(SupervisorState.UNKNOWN);

            @Override
            protected void updateItem(StateMark mark, boolean empty) {
                super.updateItem(mark, empty);
                if (empty || mark == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Chips.restyle(chip, mark.state());
                setGraphic(chip);
                setContentDisplay(ContentDisplay.LEFT);
                setText(TIME.format(mark.time().atZone(ZoneId.systemDefault()))
                        + (mark.exitCode() == null ? "" : "   exit " + mark.exitCode()));
                getStyleClass().add("mono");
            }
        });
        model.timeline().addListener((ListChangeListener<StateMark>) c -> list.scrollTo(model.timeline().size() - 1));
        VBox box = new VBox(caption, list);
        box.getStyleClass().add("timeline");
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** A state chip in a table cell. */
    private static final class StateCell extends TableCell<ChildRow, SupervisorState> {
        private final Label chip = Chips.state(SupervisorState.UNKNOWN);

        @Override
        protected void updateItem(SupervisorState state, boolean empty) {
            super.updateItem(state, empty);
            if (empty || state == null) {
                setGraphic(null);
                return;
            }
            Chips.restyle(chip, state);
            chip.setTooltip(new Tooltip(state.name()));
            setGraphic(chip);
        }
    }
}
