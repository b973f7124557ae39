package io.serfnode.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The UI tests run in a real JavaFX scene, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        Button button = new Button("press");
        button.setId("press");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void clicksReachARealButtonInAHeadlessScene(FxRobot robot) {
        robot.clickOn("#press");

        assertThat(clicks).isEqualTo(1);
        assertThat(System.getProperty("glass.platform")).isEqualTo("Monocle");
    }
}
