package io.serfnode.console.view;

import static io.serfnode.console.testing.Clusters.threeMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.wire.ResultMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The split-brain badge and its groups, against a fake session answering the view check. */
@ExtendWith(ApplicationExtension.class)
class ClusterViewsTest {
    private static final URI AGENT = ConnectedWindow.AGENT;
    private static final ViewReport TWO_GROUPS = new ViewReport(List.of(
            new ViewGroup("9f2c4e1a7b3d5c60", List.of("web-1"), 1, 2, 0, List.of("db-1", "plain-1")),
            new ViewGroup("04d1b7e9c2a8f356", List.of("db-1", "plain-1"), 3, 0, 0, List.of())),
            List.of());

    private final ConnectedWindow fixture = new ConnectedWindow();

    @Start
    void start(Stage stage) {
        fixture.show(stage);
    }

    @Test
    void badgeSaysTheViewsDifferAndThePopoverListsWhoSeesWhat(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> fixture.model.connect(ConnectionSettings.to(AGENT, "secret")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge(robot).getText()).isEqualTo("views not checked");

        fixture.session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.CONNECTED,
                AGENT, "web-1", null, null)));
        fixture.session.push(threeMembers(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.session.sent.contains(ViewCheck.withDefaults()));
        fixture.session.lastListenerOf(ViewCheck.class).onComplete(ResultMessage.ok("c-1", TWO_GROUPS));

        await().atMost(Duration.ofSeconds(5)).until(() -> badge(robot).getText().equals("views differ: 2 groups"));
        assertThat(badge(robot).getStyleClass()).contains("views-differ");

        robot.clickOn("#views-badge");
        WaitForAsyncUtils.waitForFxEvents();

        VBox groups = robot.lookup("#view-groups").queryAs(VBox.class);
        assertThat(groups.getChildren()).hasSize(2);
        assertThat(texts(robot, "#view-group-9f2c4e1a7b3d5c60")).contains("Group 1 of 2", "web-1",
                "sees 1 alive · 2 failed · 0 left", "holds failed: db-1, plain-1");
        assertThat(texts(robot, "#view-group-04d1b7e9c2a8f356")).contains("Group 2 of 2", "db-1, plain-1",
                "holds failed: none");
        assertThat(robot.lookup("#views-title").queryAs(Label.class).getText()).isEqualTo("Views differ: 2 groups");

        Path windowPicture = Path.of("target/screenshots/views-differ-window.png");
        Path panelPicture = Path.of("target/screenshots/views-differ-groups.png");
        WaitForAsyncUtils.asyncFx(() -> {
            fixture.window.writePng(windowPicture);
            Snapshots.writePng(fixture.window.clusterViewsPane(), panelPicture);
            return null;
        }).get();
        assertThat(Files.size(windowPicture)).isPositive();
        assertThat(Files.size(panelPicture)).isPositive();
    }

    @Test
    void badgeSaysTheViewsAgree(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> fixture.model.connect(ConnectionSettings.to(AGENT, "secret")));
        WaitForAsyncUtils.waitForFxEvents();
        fixture.session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.CONNECTED,
                AGENT, "web-1", null, null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.session.sent.contains(ViewCheck.withDefaults()));

        fixture.session.lastListenerOf(ViewCheck.class).onComplete(ResultMessage.ok("c-1", new ViewReport(List.of(
                new ViewGroup("5be0c3d19a7f2e48", List.of("db-1", "plain-1", "web-1"), 3, 0, 0, List.of())),
                List.of())));

        await().atMost(Duration.ofSeconds(5)).until(() -> badge(robot).getText().equals("views agree"));
        assertThat(badge(robot).getStyleClass()).contains("views-agree").doesNotContain("views-differ");
    }

    private static Label badge(FxRobot robot) {
        return robot.lookup("#views-badge").queryAs(Label.class);
    }

    private static List<String> texts(FxRobot robot, String card) {
        Node node = robot.lookup(card).query();
        return robot.from(node).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
