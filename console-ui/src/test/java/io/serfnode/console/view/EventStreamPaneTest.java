package io.serfnode.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.state.EventRow;
import io.serfnode.console.viewmodel.EventStreamViewModel;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The event stream's filters in a real (headless) JavaFX scene. */
@ExtendWith(ApplicationExtension.class)
class EventStreamPaneTest {
    private final EventStreamViewModel model = new EventStreamViewModel(1_000);

    @Start
    void start(Stage stage) {
        model.offerChoices(List.of("web"), List.of("web-1", "db-1"));
        stage.setScene(new Scene(new EventStreamPane(model), 1000, 400));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> memberFilter(FxRobot robot) {
        return robot.lookup("#member-filter").queryAs(ComboBox.class);
    }

    /** What the closed box shows. */
    private String buttonCellText(FxRobot robot) {
        return memberFilter(robot).getButtonCell().getText();
    }

    @Test
    void followsTheNewestRowOfABatchThatArrivesAtOnce(FxRobot robot) {
        List<EventRow> rows = java.util.stream.LongStream.rangeClosed(1, 200)
                .mapToObj(seq -> new EventRow(seq, Instant.parse("2026-11-21T10:00:00Z"), "user-event", "web-1", "",
                        "web", "deploy " + seq))
                .toList();

        WaitForAsyncUtils.asyncFx(() -> model.append(rows));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#event-table .table-row-cell").queryAll().stream()
                .map(node -> ((javafx.scene.control.TableRow<?>) node).getItem())
                .filter(java.util.Objects::nonNull)
                .map(item -> ((EventRow) item).seq())).contains(200L);
    }

    @Test
    void keepsTheChosenMemberWhenMembersJoin(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> memberFilter(robot).setValue("db-1"));
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> model.offerChoices(List.of("web"), List.of("web-1", "web-2", "db-1")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(memberFilter(robot).getValue()).isEqualTo("db-1");
        assertThat(model.memberFilterProperty().get()).isEqualTo("db-1");
        assertThat(memberFilter(robot).getItems()).containsExactly("", "web-1", "web-2", "db-1");
    }

    @Test
    void showsAllMembersAgainWhenTheChosenOneIsNoLongerAChoice(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> memberFilter(robot).setValue("db-1"));
        WaitForAsyncUtils.waitForFxEvents();

        WaitForAsyncUtils.asyncFx(() -> model.offerChoices(List.of("web"), List.of("web-1")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(memberFilter(robot).getValue()).isEmpty();
        assertThat(model.memberFilterProperty().get()).isNull();
        assertThat(buttonCellText(robot)).isEqualTo("All members");
    }
}
