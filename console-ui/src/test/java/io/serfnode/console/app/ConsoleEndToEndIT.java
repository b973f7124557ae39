package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.graph.ClusterGraphView;
import io.serfnode.console.graph.GraphChild;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.settings.ConsolePreferences;
import io.serfnode.console.state.EventRow;
import io.serfnode.console.testing.AgentProcessCluster;
import io.serfnode.console.view.Confirmer;
import io.serfnode.console.viewmodel.ChildRow;
import io.serfnode.console.viewmodel.RecentClusterStore;
import io.serfnode.model.SupervisorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console (real sessions, state, view models, graph and views in a headless JavaFX scene) against
 * a cluster of real agents: what an operator does on a normal day, and what happens when the agent the
 * console talks to dies.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleEndToEndIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final AgentProcessCluster cluster = AgentProcessCluster.threeMembers();

    @TempDir
    Path config;

    private ConsoleStage console;
    private final List<String> statusLines = new CopyOnWriteArrayList<>();
    private final List<String> appStatesOnGraph = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        ConsoleServices services = ConsoleServices.defaults(config)
                .withRecentClusters(RecentClusterStore.inMemory())
                .withPreferences(new ConsolePreferences(config))
                .withConfirmer(Confirmer.dialogs())
                .withNotifications(false);
        console = ConsoleStage.show(stage, services, LaunchOptions.parse(List.of("--config-dir", config.toString())));
        console.model().statusLineProperty().addListener((o, a, line) -> statusLines.add(line));
        graph().modelProperty().addListener((o, a, model) -> model.member("db-1")
                .flatMap(member -> member.children().stream().filter(c -> c.name().equals("app")).findFirst())
                .map(GraphChild::state).map(Enum::name)
                .filter(state -> appStatesOnGraph.isEmpty() || !appStatesOnGraph.getLast().equals(state))
                .ifPresent(appStatesOnGraph::add));
    }

    @Test
    void operatesALiveClusterAndFailsOverWithTheStreamIntact(FxRobot robot) throws Exception {
        connectThroughTheDialog(robot);
        seesEveryMemberInItsRoleColour();
        seesAKilledChildComeBack();
        restartsAChild(robot);
        triggersAnEvent(robot);
        failsOverWhenTheConnectedAgentDies();
    }

    private void connectThroughTheDialog(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> console.window().showConnectDialog());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#agent-url").write(cluster.wsUrl("web-1").toString());
        robot.clickOn("#use-token-file");
        robot.clickOn("#token-file").write(cluster.tokenFile().toString());
        robot.clickOn("#connect-button");

        await().atMost(PATIENCE).until(() -> graph().getModel().size() == 3);
        assertThat(statusLine()).startsWith("Connected to web-1").contains("3 members");
    }

    private void seesEveryMemberInItsRoleColour() throws Exception {
        GraphModel model = graph().getModel();
        assertThat(model.members()).extracting(GraphMember::name).containsExactlyInAnyOrder("web-1", "db-1", "worker-1");
        assertThat(model.member("web-1").orElseThrow().roles()).containsExactly("web", "cache");
        assertThat(model.roles()).containsExactly("cache", "db", "web", "worker");
        assertThat(legendRoles()).containsExactly("cache", "db", "web", "worker");
        Set<Color> colours = new HashSet<>();
        model.roles().forEach(role -> colours.add(onFx(() -> graph().colourOf(role))));
        assertThat(colours).as("a colour per role").hasSize(4);

        // single-role members are filled with their role's colour: sample the drawn pixels at their centres, once
        // the graph has drawn the picture its model holds (it redraws on a pulse after the model changed)
        for (String member : List.of("db-1", "worker-1")) {
            Color expected = onFx(() -> graph().colourOf(model.member(member).orElseThrow().roles().getFirst()));
            await().atMost(PATIENCE).untilAsserted(() -> {
                Color drawn = onFx(() -> pixelAtCentreOf(member));
                assertThat(distance(drawn, expected)).as("%s drawn %s, role colour %s", member, drawn, expected)
                        .isLessThan(0.08);
            });
        }
    }

    private void seesAKilledChildComeBack() {
        java.time.Instant killedAt = java.time.Instant.now();
        cluster.killChild("db-1", "app");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitionsOf("db-1", "app"))
                .containsSubsequence("RUNNING → EXITED", "EXITED → STARTING", "STARTING → RUNNING"));
        // the agent restarts a process child within milliseconds, so one pulse may carry the whole sequence:
        // the satellite shows the change by its new state time (and pulses), and ends RUNNING
        await().atMost(PATIENCE).untilAsserted(() -> {
            GraphChild app = onFx(() -> graph().getModel().member("db-1").orElseThrow().children().getFirst());
            assertThat(app.state()).isEqualTo(SupervisorState.RUNNING);
            assertThat(app.changedAt()).isAfterOrEqualTo(killedAt.minusSeconds(1));
        });
        assertThat(appStatesOnGraph).as("db-1's app satellite on the graph").startsWith("RUNNING").endsWith("RUNNING");
    }

    private void restartsAChild(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> console.model().select("worker-1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> graph().getSelectedMember().name())).isEqualTo("worker-1");
        // the operator clicks the row that shows the child, once the table has drawn it; the table also keeps
        // cells for measuring under a hidden parent, whose text changes during a layout, so the cell is looked
        // for on the FX thread and only one shown on screen counts
        javafx.scene.Node appCell = await().atMost(PATIENCE).until(() -> onFx(() -> robot
                .lookup("#children-table .table-cell").match(ConsoleEndToEndIT::showsTheAppChild)
                .tryQueryAs(javafx.scene.Node.class).orElse(null)), java.util.Objects::nonNull);
        robot.clickOn(appCell);
        assertThat(onFx(() -> console.model().detail().selectedChildProperty().get())).isEqualTo("app");
        robot.clickOn("#restart-child");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitionsOf("worker-1", "app"))
                .containsSubsequence("RUNNING → STOPPING", "STOPPING → STOPPED", "STOPPED → STARTING",
                        "STARTING → RUNNING"));
        await().atMost(PATIENCE).until(() -> onFx(() -> console.model().detail().children().stream()
                .filter(row -> row.name().equals("app")).map(ChildRow::state).findFirst())
                .equals(Optional.of(SupervisorState.RUNNING)));
    }

    private void triggersAnEvent(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#event-name").write("deploy");
        robot.clickOn("#event-payload").write("v42");
        robot.clickOn("#send-event");

        await().atMost(PATIENCE).until(() -> rows().stream()
                .anyMatch(row -> row.kind().equals("user-event") && row.details().contains("deploy")
                        && row.details().contains("v42")));
    }

    private void failsOverWhenTheConnectedAgentDies() {
        int before = transitionsOf("worker-1", "app").size();
        cluster.kill("web-1");
        cluster.killChild("worker-1", "app"); // while the console has no agent

        await().atMost(PATIENCE).until(() -> statusLines.stream().anyMatch(line -> line.contains("failing over via")
                || line.contains("Failing over via")));
        await().atMost(PATIENCE).until(() -> statusLine().matches("Connected to (db-1|worker-1).*"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(transitionsOf("worker-1", "app").subList(before,
                transitionsOf("worker-1", "app").size()))
                .containsExactly("RUNNING → EXITED", "EXITED → STARTING", "STARTING → RUNNING"));

        // no row twice across the failover
        List<EventRow> all = rows();
        Set<List<Object>> seen = new HashSet<>();
        for (EventRow row : all) {
            if (row.kind().equals("supervisor-state")) {
                assertThat(seen.add(List.of(row.time(), row.member(), row.child(), row.details())))
                        .as("shown once: %s", row).isTrue();
            }
        }
    }

    // ---- helpers

    private ClusterGraphView graph() {
        return console.window().overviewPane().graph();
    }

    private String statusLine() {
        return onFx(() -> console.model().statusLineProperty().get());
    }

    private List<String> legendRoles() {
        return onFx(() -> console.window().lookupAll(".role-legend-entry").stream()
                .map(node -> ((Label) node).getText()).toList());
    }

    private List<EventRow> rows() {
        return onFx(() -> new ArrayList<>(console.model().events().rows()));
    }

    /** The supervisor transitions of one child in the event table, as "FROM → TO", oldest first. */
    private List<String> transitionsOf(String member, String child) {
        return rows().stream()
                .filter(row -> row.kind().equals("supervisor-state") && row.member().equals(member)
                        && row.child().equals(child))
                .map(row -> row.details().replaceAll("^(\\w+ → \\w+).*$", "$1"))
                .toList();
    }

    private Color pixelAtCentreOf(String member) {
        ClusterGraphView view = graph();
        Point2D centre = view.positionOf(member).orElseThrow();
        WritableImage image = view.snapshot(null, null);
        PixelReader pixels = image.getPixelReader();
        return pixels.getColor((int) Math.round(centre.getX()), (int) Math.round(centre.getY()));
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean showsTheAppChild(javafx.scene.control.TableCell<?, ?> cell) {
        return "app".equals(cell.getText()) && isShown(cell) && cell.getTableRow() != null
                && !cell.getTableRow().isEmpty();
    }

    /** Whether the node and every parent up to its scene's root are visible. */
    private static boolean isShown(javafx.scene.Node node) {
        for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
