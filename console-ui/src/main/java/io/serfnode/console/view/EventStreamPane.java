package io.serfnode.console.view;

import io.serfnode.console.state.EventRow;
import io.serfnode.console.viewmodel.EventStreamViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The event stream: filters and search above a virtualised table that follows the newest row. */
public final class EventStreamPane extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String ALL = "";

    private final EventStreamViewModel model;
    private final TableView<EventRow> table = new TableView<>();
    private final TextField search = new TextField();
    /** A scroll to the newest row is queued; rows coming meanwhile are followed by it. */
    private boolean followPending;

    public EventStreamPane(EventStreamViewModel model) {
        this.model = model;
        getStyleClass().add("event-pane");
        getChildren().addAll(toolbar(), buildTable());
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private Region toolbar() {
        Label title = new Label("Events");
        title.getStyleClass().add("section-title");
        ComboBox<String> kind = filter("kind-filter", "All kinds", FXCollections.observableArrayList(EventStreamViewModel.KINDS));
        bindFilter(kind, model.kindFilterProperty());
        ComboBox<String> role = filter("role-filter", "All roles", model.roleChoices());
        bindFilter(role, model.roleFilterProperty());
        ComboBox<String> member = filter("member-filter", "All members", model.memberChoices());
        bindFilter(member, model.memberFilterProperty());

        search.setId("event-search");
        search.setPromptText("Search events  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ToggleButton pause = new ToggleButton();
        pause.setId("pause-events");
        pause.textProperty().bind(Bindings.when(model.pausedProperty())
                .then(Bindings.format("Resume (%d waiting)", model.heldCountProperty())).otherwise("Pause"));
        pause.selectedProperty().addListener((o, a, b) -> {
            if (b != model.pausedProperty().get()) {
                model.togglePause();
            }
        });
        model.pausedProperty().addListener((o, a, b) -> pause.setSelected(b));
        CheckBox follow = new CheckBox("Follow");
        follow.setId("follow-events");
        follow.selectedProperty().bindBidirectional(model.followProperty());

        Label count = new Label();
        count.setId("event-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.format("%,d shown", model.shownCountProperty()));

        HBox bar = new HBox(title, kind, role, member, search, pause, follow, count);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private static ComboBox<String> filter(String id, String allText, ObservableList<String> choices) {
        ObservableList<String> items = FXCollections.observableArrayList();
        items.add(ALL);
        items.addAll(choices);
        ComboBox<String> box = new ComboBox<>(items);
        choices.addListener((ListChangeListener<String>) c -> {
            // replacing the items drops the selection: keep what was chosen while it is still a choice
            String chosen = box.getValue();
            java.util.List<String> next = new java.util.ArrayList<>(choices.size() + 1);
            next.add(ALL);
            next.addAll(choices);
            if (!items.equals(next)) {
                items.setAll(next);
            }
            box.setValue(chosen != null && items.contains(chosen) ? chosen : ALL);
        });
        box.setId(id);
        // a set width: measuring a thousand member names for the box's own width would cost a pulse
        box.setPrefWidth(170);
        box.setPromptText(allText);
        box.setButtonCell(labelled(allText));
        box.setCellFactory(list -> labelled(allText));
        return box;
    }

    private static ListCell<String> labelled(String allText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : (item == null || item.isEmpty() ? allText : item));
            }
        };
    }

    private static void bindFilter(ComboBox<String> box, javafx.beans.property.ObjectProperty<String> filter) {
        box.valueProperty().addListener((o, a, b) -> filter.set(b == null || b.isEmpty() ? null : b));
        filter.addListener((o, a, b) -> box.setValue(b == null ? ALL : b));
        box.setValue(ALL);
    }

    private Region buildTable() {
        table.setId("event-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No events yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventRow, String> time = column("Time", row -> TIME.format(row.time()), 100);
        time.getStyleClass().add("mono-column");
        TableColumn<EventRow, String> seq = column("Seq", row -> Long.toString(row.seq()), 60);
        seq.getStyleClass().addAll("mono-column", "number-column");
        TableColumn<EventRow, String> kind = column("Kind", EventRow::kind, 120);
        TableColumn<EventRow, String> member = column("Member", EventRow::member, 110);
        member.getStyleClass().add("mono-column");
        TableColumn<EventRow, String> child = column("Child", EventRow::child, 90);
        child.getStyleClass().add("mono-column");
        TableColumn<EventRow, String> details = column("Details", EventRow::details, 360);
        table.getColumns().setAll(java.util.List.of(time, seq, kind, member, child, details));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setFixedCellSize(24);
        // after the table has taken the change in: scrolling from inside the change would stop at the old end
        model.rows().addListener((ListChangeListener<EventRow>) c -> followSoon());
        // rows that came before the table was first laid out (the first snapshot's) are followed once it is
        table.skinProperty().addListener((o, a, skin) -> followSoon());
        model.followProperty().addListener((o, a, following) -> followNewest());
        return table;
    }

    private void followSoon() {
        if (!followPending) {
            followPending = true;
            javafx.application.Platform.runLater(() -> {
                followPending = false;
                followNewest();
            });
        }
    }

    private void followNewest() {
        if (model.followProperty().get() && !model.rows().isEmpty()) {
            table.scrollTo(model.rows().size() - 1);
        }
    }

    private static TableColumn<EventRow, String> column(String title, Function<EventRow, String> value, double width) {
        TableColumn<EventRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<EventRow> table() {
        return table;
    }
}
