package io.serfnode.console.view;

import static io.serfnode.console.testing.Clusters.event;
import static io.serfnode.console.testing.Clusters.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.state.EventRow;
import io.serfnode.console.testing.Clusters;
import io.serfnode.console.viewmodel.FakeClusterSession;
import io.serfnode.console.viewmodel.MainViewModel;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StopChild;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.event.UserEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window against a fake session, in a real (headless) JavaFX scene. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final ConnectedWindow fixture = new ConnectedWindow();
    private final FakeClusterSession session = fixture.session;
    private final AtomicReference<String> confirmations = new AtomicReference<>("");
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
        session.push(event(11, transition("web-1", "app", SupervisorState.RUNNING, SupervisorState.EXITED, 137, 5)));
        session.push(event(12, transition("web-1", "app", SupervisorState.EXITED, SupervisorState.STARTING, null, 6)));
        session.push(event(13, new UserEvent(Clusters.T0, "deploy", Payload.ofText("{\"version\":\"1.2\"}"), false, 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> model.events().rows().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void filtersTheEventTableBySearchText(FxRobot robot) {
        connectWithCluster();
        TableView<EventRow> table = robot.lookup("#event-table").queryTableView();
        assertThat(table.getItems()).hasSize(3);

        robot.clickOn("#event-search").write("deploy");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).extracting(EventRow::details).containsExactly("deploy {\"version\":\"1.2\"}");
        assertThat(robot.lookup("#event-count").queryAs(Label.class).getText()).isEqualTo("1 shown");
    }

    @Test
    void showsTheStatusLine(FxRobot robot) {
        connectWithCluster();

        assertThat(robot.lookup("#status-line").queryAs(Label.class).getText())
                .contains("Connected to web-1").contains("seq 13").contains("3 members");
    }

    @Test
    void restartsTheSelectedChildWithoutAsking(FxRobot robot) {
        connectWithCluster();
        robot.clickOn("web-1");
        robot.clickOn("sidecar");

        robot.clickOn("#restart-child");

        assertThat(session.operatorCommands()).containsExactly(new RestartChild("web-1", "sidecar"));
        assertThat(robot.lookup("#action-result").queryAs(Label.class).getText()).isEqualTo("Restarting sidecar on web-1 …");
    }

    @Test
    void stopAsksFirstAndCancelSendsNothing(FxRobot robot) {
        connectWithCluster();
        robot.clickOn("web-1");
        robot.clickOn("sidecar");

        robot.clickOn("#stop-child");
        DialogPane confirmation = robot.lookup("#confirm-stop_child").queryAs(DialogPane.class);
        assertThat(confirmation.getContentText()).isEqualTo("Stop sidecar on web-1? It stays stopped until started again.");
        robot.clickOn("Cancel");
        assertThat(session.operatorCommands()).isEmpty();

        robot.clickOn("#stop-child");
        robot.clickOn(robot.lookup("#confirm-stop_child .button").match(b -> ((Button) b).getText().equals("Stop"))
                .queryButton());
        assertThat(session.operatorCommands()).containsExactly(new StopChild("web-1", "sidecar"));
    }

    @Test
    void connectDialogNamesTheWrongFieldAndStaysOpen(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(window::showConnectDialog);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#agent-url").write("http://127.0.0.2:7070");
        robot.clickOn("#token").write("secret");
        robot.clickOn("#connect-button");

        assertThat(robot.lookup("#connect-problem").queryAs(Label.class).getText())
                .isEqualTo("agent URL 'http://127.0.0.2:7070': must start with ws:// or wss://");
        assertThat(robot.lookup("#connect-dialog").tryQuery()).isPresent();
        assertThat(session.settings).isNull();

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#agent-url").queryTextInputControl().setText("ws://127.0.0.2:7070"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#connect-button");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.settings != null);
        assertThat(session.settings.agent()).isEqualTo(ConnectedWindow.AGENT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connect-dialog").tryQuery()).isEmpty();
    }

    @Test
    void triggerDialogCountsBytesLiveAndSends(FxRobot robot) {
        connectWithCluster();
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#event-name").write("deploy");
        robot.clickOn("#event-payload").write("grüße");
        assertThat(robot.lookup("#byte-count").queryAs(Label.class).getText()).isEqualTo("13 / 474 bytes");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#event-payload").queryTextInputControl().setText("x".repeat(470)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#byte-count").queryAs(Label.class).getStyleClass()).contains("over");
        assertThat(robot.lookup("#send-event").queryButton().isDisabled()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#event-payload").queryTextInputControl().setText("v2"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#send-event");
        assertThat(session.operatorCommands()).containsExactly(new TriggerEvent("deploy", Payload.ofText("v2"), false));
    }

    @Test
    void writesAScreenshotOfBothThemes(FxRobot robot) throws Exception {
        connectWithCluster();
        robot.clickOn("web-1");
        robot.clickOn("app");
        Path light = Path.of("target/screenshots/main-window-light.png");
        Path dark = Path.of("target/screenshots/main-window-dark.png");

        WaitForAsyncUtils.asyncFx(() -> {
            window.writePng(light);
            return null;
        }).get();
        WaitForAsyncUtils.asyncFx(() -> window.themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            window.writePng(dark);
            return null;
        }).get();

        assertThat(Files.size(light)).isPositive();
        assertThat(Files.size(dark)).isPositive();
    }
}
