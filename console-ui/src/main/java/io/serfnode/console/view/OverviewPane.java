package io.serfnode.console.view;

import io.serfnode.console.graph.ClusterGraphView;
import io.serfnode.console.graph.GraphHit;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.graph.GraphTheme;
import io.serfnode.console.graph.LayoutMode;
import io.serfnode.console.graph.RoleLegend;
import io.serfnode.console.overview.GraphModelMapper;
import io.serfnode.console.viewmodel.MainViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The cluster overview: the graph (members coloured by role, children as satellites) with its search box,
 * layout switch and zoom controls above, the role legend below, and the member list beside it for keyboard
 * selection. The graph gets a new model once per pulse at most, mapped on the view-model side; the selection
 * is the view model's, in both directions.
 */
public final class OverviewPane extends BorderPane {
    private static final double ZOOM_STEP = 1.25;
    private static final int EXPORT_WIDTH = 1920;
    private static final int EXPORT_HEIGHT = 1200;

    private final MainViewModel model;
    private final ClusterGraphView graph = new ClusterGraphView();
    private final GraphModelMapper mapper = new GraphModelMapper();
    private final TextField search = new TextField();
    private final Label searchProblem = new Label();
    private final ToggleGroup layouts = new ToggleGroup();
    private long framesAtLastModel = -1;
    private final ContextMenu spawnMenu = new ContextMenu();
    private Consumer<String> spawnLikeMember = member -> { };
    private Consumer<String> spawnLikeRole = role -> { };

    public OverviewPane(MainViewModel model) {
        this.model = model;
        getStyleClass().add("overview-pane");
        graph.setId("cluster-graph");
        graph.setMinSize(200, 160);

        RoleLegend legend = new RoleLegend().follow(graph);
        legend.setId("role-legend");
        // legend entries are rebuilt when the roles change: each gets its "+1" menu
        legend.getChildren().addListener((ListChangeListener<Node>) c -> offerSpawnOnRoles(legend));
        // the platform's context-menu gesture, and a plain right click where the platform sends none
        graph.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                e -> offerSpawnOnMember(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        graph.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                offerSpawnOnMember(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
        });

        Label placeholder = new Label("Connect to a cluster (Ctrl+K)");
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.setMouseTransparent(true);
        placeholder.visibleProperty().bind(model.snapshotsProperty().isEqualTo(0));
        StackPane canvasArea = new StackPane(graph, placeholder);
        canvasArea.getStyleClass().add("graph-area");

        SplitPane body = new SplitPane(canvasArea, new MemberListPane(model));
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(body.getItems().get(1), false);

        setTop(toolbar());
        setCenter(body);
        setBottom(legend);

        model.clusterRevisionProperty().addListener((o, a, b) -> showCluster());
        graph.selectedMemberProperty().addListener((o, a, selected) -> {
            String name = selected == null ? null : selected.name();
            if (!Objects.equals(name, model.selectedMemberProperty().get())) {
                model.select(name);
            }
        });
        model.selectedMemberProperty().addListener((o, a, name) -> followSelection(name));
        showCluster();
    }

    /** What "+1 like this" does: with a member's name, and with a role (like the first member of that role). */
    public void setSpawnActions(Consumer<String> likeMember, Consumer<String> likeRole) {
        spawnLikeMember = likeMember;
        spawnLikeRole = likeRole;
    }

    private void offerSpawnOnMember(double x, double y, double screenX, double screenY) {
        GraphModel shown = graph.getModel();
        Optional<String> member = graph.hitAt(x, y).map(GraphHit::member)
                .filter(index -> index < shown.members().size()).map(index -> shown.members().get(index).name());
        if (member.isEmpty() || spawnMenu.isShowing()) {
            return;
        }
        model.select(member.get());
        MenuItem plusOne = new MenuItem("+1 like " + member.get());
        plusOne.setId("graph-spawn-like");
        plusOne.setOnAction(e -> spawnLikeMember.accept(member.get()));
        spawnMenu.getItems().setAll(plusOne);
        spawnMenu.show(graph, screenX, screenY);
    }

    private void offerSpawnOnRoles(RoleLegend legend) {
        for (Node entry : legend.getChildren()) {
            if (entry instanceof Label label && label.getOnContextMenuRequested() == null) {
                String role = label.getText();
                label.setOnContextMenuRequested(e -> offerSpawnOnRole(label, role, e.getScreenX(), e.getScreenY()));
                label.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.SECONDARY) {
                        offerSpawnOnRole(label, role, e.getScreenX(), e.getScreenY());
                    }
                });
                label.setTooltip(new Tooltip("Right-click to spawn one more " + role + " member"));
            }
        }
    }

    private void offerSpawnOnRole(Label entry, String role, double screenX, double screenY) {
        if (spawnMenu.isShowing()) {
            return;
        }
        MenuItem plusOne = new MenuItem("+1 " + role + " (like its first member)");
        plusOne.setId("legend-spawn-like-" + role);
        plusOne.setOnAction(e -> spawnLikeRole.accept(role));
        spawnMenu.getItems().setAll(plusOne);
        spawnMenu.show(entry, screenX, screenY);
    }

    private HBox toolbar() {
        Label title = new Label("Cluster");
        title.getStyleClass().add("section-title");
        search.setId("member-search");
        search.setPromptText("Find member (Ctrl+L)");
        search.setPrefColumnCount(14);
        search.setOnAction(e -> findAndCentre(search.getText()));
        search.textProperty().addListener((o, a, b) -> searchProblem.setText(""));
        searchProblem.setId("search-problem");
        searchProblem.getStyleClass().add("problem");

        ToggleButton byRole = layoutButton("By role", "layout-by-role", LayoutMode.BY_ROLE,
                "Group members by their first role (Ctrl+1)");
        ToggleButton byHost = layoutButton("By host", "layout-by-host", LayoutMode.BY_HOST,
                "Group members by host address (Ctrl+2)");
        layouts.selectToggle(byRole);
        layouts.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                layouts.selectToggle(before); // one layout is always chosen
            } else {
                graph.setLayoutMode((LayoutMode) now.getUserData());
            }
        });
        graph.layoutModeProperty().addListener((o, a, mode) -> layouts.getToggles().stream()
                .filter(t -> t.getUserData() == mode).findFirst().ifPresent(layouts::selectToggle));
        HBox layoutSwitch = new HBox(byRole, byHost);
        layoutSwitch.getStyleClass().add("segmented");

        Button zoomOut = iconButton("−", "zoom-out", "Zoom out (Ctrl+-)", this::zoomOut);
        Button zoomIn = iconButton("+", "zoom-in", "Zoom in (Ctrl+=)", this::zoomIn);
        Button fit = iconButton("Fit", "zoom-fit", "Show the whole cluster (Ctrl+0)", this::fit);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(title, search, searchProblem, spacer, layoutSwitch, zoomOut, zoomIn, fit);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private ToggleButton layoutButton(String text, String id, LayoutMode mode, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setUserData(mode);
        button.setToggleGroup(layouts);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static Button iconButton(String text, String id, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private void showCluster() {
        graph.setModel(mapper.map(model.pictureMembers()));
        framesAtLastModel = graph.framesDrawn();
        followSelection(model.selectedMemberProperty().get());
    }

    private void followSelection(String name) {
        GraphMember shown = graph.getSelectedMember();
        if (name == null) {
            if (shown != null) {
                graph.clearSelection();
            }
        } else if (shown == null || !shown.name().equals(name)) {
            graph.select(name);
        }
    }

    /** Centres the best match for {@code text} and selects it; says so when nothing matches. */
    public boolean findAndCentre(String text) {
        Optional<GraphMember> found = graph.findMember(text);
        if (found.isEmpty()) {
            searchProblem.setText(text == null || text.isBlank() ? "" : "no member matches '" + text.strip() + "'");
            return false;
        }
        graph.centreOn(found.get().name());
        model.select(found.get().name());
        return true;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public void zoomIn() {
        graph.zoomBy(ZOOM_STEP);
    }

    public void zoomOut() {
        graph.zoomBy(1 / ZOOM_STEP);
    }

    public void fit() {
        graph.zoomToFit();
    }

    public void setLayoutMode(LayoutMode mode) {
        graph.setLayoutMode(mode);
    }

    public void setDark(boolean dark) {
        graph.setTheme(dark ? GraphTheme.DARK : GraphTheme.LIGHT);
    }

    /** Writes the whole graph, fitted into a large picture; the view itself does not move. */
    public void writeGraphPng(Path file) throws IOException {
        graph.writePng(file, EXPORT_WIDTH, EXPORT_HEIGHT);
    }

    /** True once the graph has drawn the latest members it was given. */
    public boolean drawnLatest() {
        return framesAtLastModel >= 0 && graph.framesDrawn() > framesAtLastModel;
    }

    public GraphModel graphModel() {
        return graph.getModel();
    }

    public ClusterGraphView graph() {
        return graph;
    }
}
