package io.serfnode.console.view;

import io.serfnode.console.graph.LayoutMode;
import io.serfnode.console.viewmodel.ConnectViewModel;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.console.viewmodel.MemberAction;
import io.serfnode.console.viewmodel.SpawnViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

/**
 * The main window: the cluster overview (graph) beside the selected member's detail, the event stream
 * below, menus with keyboard shortcuts for the main actions, and the status bar.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel model;
    private final Supplier<ConnectViewModel> connectModels;
    private final Confirmer confirmer;
    private final OverviewPane overview;
    private final MemberDetailPane detail;
    private final EventStreamPane events;
    private final SplitPane upper;
    private final SplitPane vertical;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final Timeline ticker;
    private final ClusterViewsPane views;
    private final PopOver viewsPopOver;
    private final javafx.scene.Node viewsBadge;

    /**
     * @param model         the main view model
     * @param connectModels a fresh connect form for each time the dialog opens
     * @param overview      the cluster graph with its search, layouts and legend
     * @param confirmer     asks before stop, leave and force-leave
     */
    public MainWindow(MainViewModel model, Supplier<ConnectViewModel> connectModels, OverviewPane overview,
                      Confirmer confirmer) {
        this.model = model;
        this.overview = overview;
        this.connectModels = connectModels;
        this.confirmer = confirmer;
        getStyleClass().add("main-window");
        setId("main-window");
        detail = new MemberDetailPane(model.detail(), confirmer);
        events = new EventStreamPane(model.events());
        upper = new SplitPane(overview, detail);
        upper.setDividerPositions(0.58);
        vertical = new SplitPane(upper, events);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.62);
        setTop(menus());
        setCenter(vertical);
        StatusBar statusBar = new StatusBar(model);
        statusBar.setOnViewsBadge(this::toggleClusterViews);
        setBottom(statusBar);
        views = new ClusterViewsPane(model.views());
        // a popover is a window of its own: the theme's colour variables are declared on .root
        views.getStyleClass().add("root");
        viewsPopOver = new PopOver(views);
        viewsPopOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        viewsPopOver.setDetachable(false);
        viewsPopOver.setTitle("Cluster views");
        viewsBadge = statusBar.viewsBadge();
        detail.setOnSpawnLike(this::spawnLike);
        overview.setSpawnActions(this::spawnLike, this::spawnLikeRole);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getStylesheets().removeAll(theme.get().stylesheets());
            }
            if (scene != null) {
                applyTheme(scene, null, theme.get());
                ticker.play();
            } else {
                ticker.stop();
            }
        });
        theme.addListener((o, a, b) -> {
            if (getScene() != null) {
                applyTheme(getScene(), a, b);
            }
            overview.setDark(b == Theme.DARK);
        });
    }

    private static void applyTheme(Scene scene, Theme before, Theme after) {
        if (before != null) {
            scene.getStylesheets().removeAll(before.stylesheets());
        }
        scene.getStylesheets().addAll(after.stylesheets());
    }

    private MenuBar menus() {
        Menu file = new Menu("_File", null,
                item("_Connect…", "Shortcut+K", this::showConnectDialog),
                item("_Disconnect", "Shortcut+Shift+K", model::disconnect),
                new SeparatorMenuItem(),
                item("_Export events as CSV…", "Shortcut+E", this::exportCsv),
                item("Export _graph as PNG…", "Shortcut+G", this::exportGraphPng),
                item("Save window as _PNG…", "Shortcut+Shift+S", this::exportPng),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> getScene().getWindow().hide()));
        Menu cluster = new Menu("_Cluster", null,
                item("_Trigger event…", "Shortcut+T", this::showTriggerDialog),
                item("Spawn _member…", "Shortcut+N", this::showSpawnDialog),
                item("+1 _like the selected member", "Shortcut+Shift+N", this::spawnLikeSelected),
                new SeparatorMenuItem(),
                item("Cluster _views (split-brain check)", "Shortcut+Shift+V", this::toggleClusterViews),
                new SeparatorMenuItem(),
                item("_Restart child", "Shortcut+R", () -> detail.perform(MemberAction.RESTART_CHILD)),
                item("_Stop child…", "Shortcut+Shift+X", () -> detail.perform(MemberAction.STOP_CHILD)),
                item("St_art child", "Shortcut+Shift+R", () -> detail.perform(MemberAction.START_CHILD)),
                new SeparatorMenuItem(),
                item("_Leave member…", null, () -> detail.perform(MemberAction.LEAVE_MEMBER)),
                item("_Force-leave member…", null, () -> detail.perform(MemberAction.FORCE_LEAVE)));
        Menu view = new Menu("_View", null,
                item("Find _member", "Shortcut+L", overview::focusSearch),
                item("Zoom _in", "Shortcut+EQUALS", overview::zoomIn),
                item("Zoom _out", "Shortcut+MINUS", overview::zoomOut),
                item("_Fit the cluster", "Shortcut+DIGIT0", overview::fit),
                item("Layout by _role", "Shortcut+DIGIT1", () -> overview.setLayoutMode(LayoutMode.BY_ROLE)),
                item("Layout by _host", "Shortcut+DIGIT2", () -> overview.setLayoutMode(LayoutMode.BY_HOST)),
                new SeparatorMenuItem(),
                item("_Search events", "Shortcut+F", events::focusSearch),
                item("_Pause or resume events", "Shortcut+P", model.events()::togglePause),
                item("C_lear filters", "Shortcut+Shift+F", model.events()::clearFilters),
                new SeparatorMenuItem(),
                item("Toggle _dark theme", "Shortcut+Shift+D", () -> theme.set(theme.get().other())));
        MenuBar bar = new MenuBar(file, cluster, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    public void showConnectDialog() {
        ConnectViewModel form = connectModels.get();
        ConnectDialog dialog = new ConnectDialog(window(), form);
        dialog.getDialogPane().getStylesheets().setAll(theme.get().stylesheets());
        dialog.show();
    }

    public void showTriggerDialog() {
        TriggerEventDialog dialog = new TriggerEventDialog(window(), model.newTriggerEvent());
        dialog.getDialogPane().getStylesheets().setAll(theme.get().stylesheets());
        dialog.show();
    }

    /** The spawn form, empty. */
    public void showSpawnDialog() {
        showSpawn(model.newSpawn());
    }

    /** Spawns one more member like {@code member} at once; the dialog shows the steps and the result. */
    public void spawnLike(String member) {
        SpawnViewModel spawn = model.newSpawn().presetLike(member);
        spawn.spawn();
        showSpawn(spawn);
    }

    /** Spawns one more member of {@code role}, like the first member that has it. */
    public void spawnLikeRole(String role) {
        SpawnViewModel spawn = model.newSpawn();
        spawn.firstMemberOfRole(role).ifPresentOrElse(this::spawnLike,
                () -> complain("No member has the role '" + role + "' to copy."));
    }

    private void spawnLikeSelected() {
        String selected = model.selectedMemberProperty().get();
        if (selected != null) {
            spawnLike(selected);
        }
    }

    private void showSpawn(SpawnViewModel spawn) {
        SpawnDialog dialog = new SpawnDialog(window(), spawn);
        dialog.getDialogPane().getStylesheets().setAll(theme.get().stylesheets());
        dialog.show();
    }

    /** Shows or hides the split-brain check's groups above the status bar's badge. */
    public void toggleClusterViews() {
        if (viewsPopOver.isShowing()) {
            viewsPopOver.hide();
        } else if (viewsBadge != null && getScene() != null) {
            views.getStylesheets().setAll(theme.get().stylesheets());
            viewsPopOver.show(viewsBadge);
        }
    }

    public ClusterViewsPane clusterViewsPane() {
        return views;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export shown events");
        chooser.setInitialFileName("serfnode-events.csv");
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) {
            try {
                model.events().exportCsv(file.toPath());
            } catch (IOException e) {
                complain("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save window as PNG");
        chooser.setInitialFileName("serfnode-console.png");
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) {
            try {
                Snapshots.writePng(this, file.toPath());
            } catch (IOException e) {
                complain("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    private void exportGraphPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the cluster graph as PNG");
        chooser.setInitialFileName("serfnode-graph.png");
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) {
            try {
                overview.writeGraphPng(file.toPath());
            } catch (IOException e) {
                complain("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    private void complain(String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.initOwner(window());
        alert.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Divider positions (upper split, then vertical split), for remembering the layout. */
    public double[] dividers() {
        return new double[] {upper.getDividerPositions()[0], vertical.getDividerPositions()[0]};
    }

    public void setDividers(double horizontal, double verticalPosition) {
        upper.setDividerPositions(horizontal);
        vertical.setDividerPositions(verticalPosition);
    }

    public EventStreamPane eventPane() {
        return events;
    }

    public OverviewPane overviewPane() {
        return overview;
    }

    public MemberDetailPane detailPane() {
        return detail;
    }

    /** Writes a PNG of the window's current look. */
    public void writePng(Path file) throws IOException {
        Snapshots.writePng(this, file);
    }
}
