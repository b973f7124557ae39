package io.serfnode.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.graph.ClusterGraphView;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.settings.ConsolePreferences;
import io.serfnode.console.testing.AgentProcessCluster;
import io.serfnode.console.view.Confirmer;
import io.serfnode.console.viewmodel.ClusterViewsViewModel;
import io.serfnode.console.viewmodel.RecentClusterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Spawning and the split-brain check from the whole console against real agents: "+1 like this" on a
 * member starts a real member that appears in the graph, and the members' views are checked and agree.
 */
@ExtendWith(ApplicationExtension.class)
class SpawnAndViewsEndToEndIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    final AgentProcessCluster cluster = AgentProcessCluster.threeMembers();

    @TempDir
    Path config;

    private ConsoleStage console;

    @Start
    void start(Stage stage) {
        ConsoleServices services = ConsoleServices.defaults(config)
                .withRecentClusters(RecentClusterStore.inMemory())
                .withPreferences(new ConsolePreferences(config))
                .withConfirmer(Confirmer.dialogs())
                .withNotifications(false);
        console = ConsoleStage.show(stage, services, LaunchOptions.parse(List.of("--config-dir", config.toString())));
    }

    @Test
    void plusOneLikeAMemberShowsTheNewMemberInTheGraphAndTheViewsAgree(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.model().connect(
                ConnectionSettings.to(cluster.wsUrl("web-1"), cluster.token())));
        await().atMost(PATIENCE).until(() -> onFx(() -> graph().getModel().size()) == 3);
        await().atMost(PATIENCE).until(() -> onFx(() -> console.model().views().verdictProperty().get())
                == ClusterViewsViewModel.Verdict.AGREE);
        assertThat(onFx(() -> console.model().views().groups().getFirst().members()))
                .containsExactlyInAnyOrder("web-1", "db-1", "worker-1");

        WaitForAsyncUtils.asyncFx(() -> console.model().select("worker-1"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#spawn-like");

        await().atMost(PATIENCE).until(() -> onFx(() -> graph().getModel().member("worker-2").isPresent()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(onFx(() ->
                robot.lookup("#spawn-result").queryAs(Label.class).getText()))
                .isEqualTo("Spawned worker-2; it has joined the cluster"));
        List<String> steps = onFx(() -> List.copyOf(robot.lookup("#spawn-steps")
                .<javafx.scene.control.ListView<String>>query().getItems()));
        assertThat(steps).anyMatch(step -> step.startsWith("requested"))
                .anyMatch(step -> step.startsWith("created"))
                .anyMatch(step -> step.startsWith("joined"));
        GraphMember spawned = onFx(() -> graph().getModel().member("worker-2").orElseThrow());
        assertThat(spawned.roles()).containsExactly("worker");

        // the join triggers a check soon after: four members, one view
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(onFx(() -> console.model().views().groups()))
                .singleElement().satisfies(group -> assertThat(group.members())
                        .containsExactlyInAnyOrder("web-1", "db-1", "worker-1", "worker-2")));
        assertThat(onFx(() -> robot.lookup("#views-badge").queryAs(Label.class).getText())).startsWith("views agree");

        Path picture = Path.of("target/screenshots/spawned-live.png");
        WaitForAsyncUtils.asyncFx(() -> {
            console.window().writePng(picture);
            return null;
        }).get();
        assertThat(Files.size(picture)).isPositive();
    }

    private ClusterGraphView graph() {
        return console.window().overviewPane().graph();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
