package io.serfnode.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.viewmodel.FakeClusterSession;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.ResultMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Spawning members from the window: the dialog, "+1 like this" on a member and on a role, against a fake session. */
@ExtendWith(ApplicationExtension.class)
class SpawnDialogTest {

    private final ConnectedWindow fixture = new ConnectedWindow();
    private final FakeClusterSession session = fixture.session;
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fixture.show(stage);
        model = fixture.model;
        window = fixture.window;
    }

    private void connectWithCluster() {
        fixture.connectToThreeMembers();
    }

    @Test
    void spawnsFromATemplateWithEveryFieldAndListsTheStepsThenTheNewMembers(FxRobot robot) throws Exception {
        connectWithCluster();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#spawn-problem").queryAs(Label.class).getText())
                .isEqualTo("Like member: choose the member to copy.");
        assertThat(robot.lookup("#spawn-button").queryButton().isDisabled()).isTrue();

        robot.clickOn("#spawn-source-template");
        robot.clickOn("#spawn-template").write("web");
        robot.clickOn("#spawn-role").write("web edge");
        WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup("#spawn-count .text-field").queryTextInputControl().setText("2");
            robot.lookup("#spawn-runtime").<javafx.scene.control.ComboBox<RuntimeKind>>query().setValue(RuntimeKind.PROCESS);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#spawn-spawner").write("db-1");
        robot.clickOn("#spawn-button");

        assertThat(session.operatorCommands()).containsExactly(SpawnMember.fromTemplate("web").withRole("web edge")
                .withCount(2).withRuntime(RuntimeKind.PROCESS).withSpawner("db-1"));
        var listener = session.lastListenerOf(SpawnMember.class);
        listener.onNext(new StepProgress("requested", "2 members from template web"));
        listener.onNext(new StepProgress("created", "member web-2, pid 4242, log /srv/spawned/web-2/agent.log"));
        await().atMost(Duration.ofSeconds(5)).until(() -> steps(robot).size() == 2);
        assertThat(robot.lookup("#spawn-result").queryAs(Label.class).getText())
                .isEqualTo("Spawning 2 members from template 'web' … created: member web-2, pid 4242, log"
                        + " /srv/spawned/web-2/agent.log");

        listener.onNext(new StepProgress("joined", "member web-2 is alive at 127.0.0.2:40122"));
        listener.onComplete(ResultMessage.ok("c-1", new SpawnedMembers(List.of("web-2", "web-3"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#spawn-result").queryAs(Label.class).getText()
                .equals("Spawned web-2, web-3; they have joined the cluster"));
        assertThat(steps(robot)).hasSize(3);

        Path picture = Path.of("target/screenshots/spawn-dialog.png");
        WaitForAsyncUtils.asyncFx(() -> {
            Snapshots.writePng(robot.lookup("#spawn-dialog").queryAs(DialogPane.class), picture);
            return null;
        }).get();
        assertThat(Files.size(picture)).isPositive();
    }

    @Test
    void showsTheRejectionAndOffersTheTemplatesTheAgentNamed(FxRobot robot) {
        connectWithCluster();
        WaitForAsyncUtils.asyncFx(window::showSpawnDialog);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#spawn-source-template");
        robot.clickOn("#spawn-template").write("mail");
        robot.clickOn("#spawn-button");

        session.lastListenerOf(SpawnMember.class).onComplete(ResultMessage.notOk("c-1", CommandOutcome.REJECTED,
                "no template named 'mail' in /srv/serfnode/templates; available: cache, db, web, worker"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                robot.lookup("#spawn-result").queryAs(Label.class).getText()).isEqualTo(
                "Spawning 1 member from template 'mail' was rejected: no template named 'mail' in"
                        + " /srv/serfnode/templates; available: cache, db, web, worker"));
        assertThat(robot.lookup("#spawn-result").queryAs(Label.class).getStyleClass()).contains("failed");
        assertThat(robot.lookup("#spawn-template").<javafx.scene.control.ComboBox<String>>query().getItems())
                .containsExactly("cache", "db", "web", "worker");
    }

    @Test
    void plusOneOnTheSelectedMemberSpawnsOneLikeItAtOnce(FxRobot robot) {
        connectWithCluster();
        robot.clickOn("web-1");

        robot.clickOn("#spawn-like");

        assertThat(session.operatorCommands()).containsExactly(SpawnMember.like("web-1"));
        assertThat(robot.lookup("#spawn-result").queryAs(Label.class).getText())
                .isEqualTo("Spawning 1 member like web-1 …");
    }

    @Test
    void plusOneOnARoleInTheLegendCopiesTheFirstMemberOfThatRole(FxRobot robot) {
        connectWithCluster();
        Node backup = robot.lookup(".role-legend-entry").match(n -> ((Label) n).getText().equals("backup")).query();

        robot.clickOn(backup, MouseButton.SECONDARY);
        robot.clickOn("+1 backup (like its first member)");

        assertThat(session.operatorCommands()).containsExactly(SpawnMember.like("db-1"));
    }

    @Test
    void plusOneFromTheGraphsContextMenu(FxRobot robot) throws Exception {
        connectWithCluster();
        await().atMost(Duration.ofSeconds(10)).until(() -> WaitForAsyncUtils.asyncFx(
                () -> !window.overviewPane().graph().isAnimating()).get());
        javafx.geometry.Point2D centre = WaitForAsyncUtils.asyncFx(() -> {
            var graph = window.overviewPane().graph();
            var local = graph.positionOf("db-1").orElseThrow();
            return graph.localToScreen(local);
        }).get();

        robot.moveTo(centre).clickOn(MouseButton.SECONDARY);
        robot.clickOn("+1 like db-1");

        assertThat(session.operatorCommands()).containsExactly(SpawnMember.like("db-1"));
    }

    private static List<String> steps(FxRobot robot) {
        return List.copyOf(robot.lookup("#spawn-steps").<ListView<String>>query().getItems());
    }
}
