package io.serfnode.console.view;

import io.serfnode.console.viewmodel.ActionState;
import io.serfnode.console.viewmodel.SpawnSource;
import io.serfnode.console.viewmodel.SpawnViewModel;
import io.serfnode.model.RuntimeKind;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Spawn new members: like an existing member or from a template, with roles, count, runtime and spawner.
 * Stays open while the agent works, listing its steps as they arrive, then the new members or the reason.
 */
public final class SpawnDialog extends Dialog<Boolean> {
    public static final ButtonType SPAWN = new ButtonType("Spawn", ButtonBar.ButtonData.OK_DONE);

    public SpawnDialog(Window owner, SpawnViewModel model) {
        initOwner(owner);
        setTitle("Spawn member");
        setHeaderText("Start new members that join the cluster");
        getDialogPane().setId("spawn-dialog");
        getDialogPane().getStyleClass().addAll("form-dialog", "spawn-dialog");
        getDialogPane().getButtonTypes().setAll(SPAWN, ButtonType.CLOSE);

        ToggleGroup sources = new ToggleGroup();
        RadioButton like = new RadioButton("Like member");
        like.setId("spawn-source-like");
        like.setUserData(SpawnSource.LIKE_MEMBER);
        like.setToggleGroup(sources);
        RadioButton template = new RadioButton("Template");
        template.setId("spawn-source-template");
        template.setUserData(SpawnSource.TEMPLATE);
        template.setToggleGroup(sources);
        sources.selectToggle(model.sourceProperty().get() == SpawnSource.TEMPLATE ? template : like);
        sources.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                sources.selectToggle(before);
            } else {
                model.sourceProperty().set((SpawnSource) now.getUserData());
            }
        });
        HBox sourceRow = new HBox(like, template);
        sourceRow.getStyleClass().add("row");

        ComboBox<String> likeMember = new ComboBox<>(FXCollections.observableArrayList(model.memberNames()));
        likeMember.setId("spawn-like-member");
        likeMember.setPromptText("choose a member");
        likeMember.setValue(model.likeMemberProperty().get().isEmpty() ? null : model.likeMemberProperty().get());
        likeMember.valueProperty().addListener((o, a, b) -> model.likeMemberProperty().set(b == null ? "" : b));
        likeMember.disableProperty().bind(model.sourceProperty().isNotEqualTo(SpawnSource.LIKE_MEMBER));

        ComboBox<String> templateName = new ComboBox<>(model.templates());
        templateName.setId("spawn-template");
        templateName.setEditable(true);
        templateName.setPromptText("template name, e.g. web");
        templateName.getEditor().textProperty().bindBidirectional(model.templateProperty());
        templateName.disableProperty().bind(model.sourceProperty().isNotEqualTo(SpawnSource.TEMPLATE));
        Label templateHint = new Label();
        templateHint.getStyleClass().add("muted");
        Runnable hint = () -> {
            templateHint.setText(model.templates().isEmpty() ? ""
                    : "the agent has: " + String.join(", ", model.templates()));
            templateHint.setManaged(!model.templates().isEmpty());
        };
        model.templates().addListener((ListChangeListener<String>) c -> hint.run());
        hint.run();

        TextField role = new TextField();
        role.setId("spawn-role");
        role.setPromptText("keep the source's roles");
        role.textProperty().bindBidirectional(model.roleProperty());

        Spinner<Integer> count = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100,
                Math.max(1, Math.min(100, model.countProperty().get()))));
        count.setId("spawn-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.valueProperty().addListener((o, a, b) -> model.countProperty().set(b));
        // typed digits count at once, without waiting for Enter
        count.getEditor().textProperty().addListener((o, a, text) -> {
            try {
                model.countProperty().set(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                model.countProperty().set(0);
            }
        });

        ComboBox<RuntimeKind> runtime = new ComboBox<>(FXCollections.observableArrayList(null, RuntimeKind.PROCESS,
                RuntimeKind.DOCKER));
        runtime.setId("spawn-runtime");
        runtime.setConverter(new StringConverter<>() {
            @Override
            public String toString(RuntimeKind kind) {
                return kind == null ? "spawner chooses" : kind.wireName();
            }

            @Override
            public RuntimeKind fromString(String text) {
                return "spawner chooses".equals(text) ? null : RuntimeKind.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        runtime.setValue(model.runtimeProperty().get());
        runtime.valueProperty().bindBidirectional(model.runtimeProperty());

        ComboBox<String> spawner = new ComboBox<>(FXCollections.observableArrayList(model.memberNames()));
        spawner.setId("spawn-spawner");
        spawner.setEditable(true);
        spawner.setPromptText("the connected agent");
        spawner.getEditor().textProperty().bindBidirectional(model.spawnerProperty());

        Label problem = new Label();
        problem.setId("spawn-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        ListView<String> steps = new ListView<>(model.steps());
        steps.setId("spawn-steps");
        steps.getStyleClass().add("spawn-steps");
        steps.setPrefHeight(120);
        steps.setPrefWidth(460);
        steps.setPlaceholder(new Label("The agent's steps show here."));
        model.steps().addListener((ListChangeListener<String>) c -> steps.scrollTo(model.steps().size() - 1));

        Label result = new Label();
        result.setId("spawn-result");
        result.setWrapText(true);
        result.setMaxWidth(460);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.getStyleClass().add("action-line");
        showAction(result, model.actionProperty().get());
        model.actionProperty().addListener((o, a, state) -> showAction(result, state));

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(captions, fields);
        form.addRow(0, new Label("From"), sourceRow);
        form.addRow(1, new Label("Like member"), likeMember);
        form.addRow(2, new Label("Template"), new VBox(2, templateName, templateHint));
        form.addRow(3, new Label("Roles"), role);
        form.addRow(4, new Label("Count"), count);
        form.addRow(5, new Label("Runtime"), runtime);
        form.addRow(6, new Label("Spawner"), spawner);
        form.add(problem, 1, 7);
        form.addRow(8, new Label("Progress"), steps);
        form.add(result, 1, 9);
        getDialogPane().setContent(form);

        Button spawn = (Button) getDialogPane().lookupButton(SPAWN);
        spawn.setId("spawn-button");
        spawn.disableProperty().bind(model.sendableProperty().not());
        // the dialog stays open: progress and result show in it
        spawn.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.spawn();
        });
        setResultConverter(button -> false);
        setOnShown(e -> (model.sourceProperty().get() == SpawnSource.TEMPLATE ? templateName : likeMember).requestFocus());
    }

    private static void showAction(Label line, ActionState state) {
        line.setText(state.message());
        line.getStyleClass().removeAll("running", "succeeded", "failed");
        if (state.phase() != ActionState.Phase.IDLE) {
            line.getStyleClass().add(state.phase().name().toLowerCase(Locale.ROOT));
        }
    }
}
