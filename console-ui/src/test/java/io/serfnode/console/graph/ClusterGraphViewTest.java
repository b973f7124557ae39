package io.serfnode.console.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph in a real (headless) JavaFX scene. */
@ExtendWith(ApplicationExtension.class)
class ClusterGraphViewTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private ClusterGraphView view;
    private RoleLegend legend;

    @Start
    void start(Stage stage) {
        view = new ClusterGraphView();
        view.setModel(GraphFixtures.sixMembers());
        legend = new RoleLegend().follow(view);
        BorderPane root = new BorderPane(view);
        root.setBottom(legend);
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
    }

    @Test
    void drawsEveryMemberInItsRoleColour() {
        awaitIdle();

        PixelReader pixels = fx(() -> view.snapshot(null, null)).getPixelReader();

        for (GraphMember member : GraphFixtures.sixMembers().members()) {
            Point2D at = fx(() -> view.positionOf(member.name()).orElseThrow());
            Color drawn = pixels.getColor((int) at.getX(), (int) at.getY());
            assertThat(distance(drawn, fx(() -> view.colourOf(member.roles().get(0)))))
                    .as("colour at %s's centre (%s)", member.name(), drawn).isLessThan(0.05);
        }
    }

    @Test
    void drawsANewModelInThePulseThatSetIt() {
        awaitIdle();
        GraphModel next = GraphModel.of(List.of(
                new GraphMember("late", "127.0.0.41", List.of("db"), MemberStatus.ALIVE, List.of())));
        AtomicLong framesBefore = new AtomicLong(-1);
        AtomicLong framesAfterLayout = new AtomicLong(-1);
        fx(() -> {
            Scene scene = view.getScene();
            // like the console's UI batch, whose timer may run after the graph's own in a pulse
            Runnable setModel = new Runnable() {
                @Override
                public void run() {
                    scene.removePreLayoutPulseListener(this);
                    framesBefore.set(view.framesDrawn());
                    view.setModel(next);
                }
            };
            Runnable check = new Runnable() {
                @Override
                public void run() {
                    if (framesBefore.get() >= 0) {
                        scene.removePostLayoutPulseListener(this);
                        framesAfterLayout.set(view.framesDrawn());
                    }
                }
            };
            scene.addPreLayoutPulseListener(setModel);
            scene.addPostLayoutPulseListener(check);
            javafx.application.Platform.requestNextPulse();
            return null;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> framesAfterLayout.get() >= 0);

        assertThat(framesAfterLayout.get()).as("frames drawn by the end of that pulse's layout")
                .isEqualTo(framesBefore.get() + 1);
        assertThat(fx(() -> view.getModel())).isSameAs(next);
    }

    @Test
    void drawsEachRoleOfAMemberWithSeveralRoles() {
        GraphMember both = new GraphMember("both", "127.0.0.31", List.of("db", "web"), MemberStatus.ALIVE, List.of());
        fx(() -> {
            view.setModel(GraphModel.of(List.of(both)));
            return null;
        });
        awaitIdle();

        PixelReader pixels = fx(() -> view.snapshot(null, null)).getPixelReader();
        Point2D at = fx(() -> view.positionOf("both").orElseThrow());
        double r = fx(() -> GraphLayout.MEMBER_RADIUS * view.getViewport().scale());
        // first role from twelve o'clock clockwise: the right half, the second role the left half
        Color right = pixels.getColor((int) (at.getX() + r / 2), (int) at.getY());
        Color left = pixels.getColor((int) (at.getX() - r / 2), (int) at.getY());
        assertThat(distance(right, fx(() -> view.colourOf("db")))).isLessThan(0.05);
        assertThat(distance(left, fx(() -> view.colourOf("web")))).isLessThan(0.05);
    }

    @Test
    void drawsALeftMemberHollowSoItsStatusShowsWithoutColour() {
        GraphModel model = GraphFixtures.sixMembers();
        fx(() -> {
            view.setModel(model.withMember(model.member("db-2").orElseThrow().withStatus(MemberStatus.LEFT)));
            return null;
        });
        awaitIdle();

        PixelReader pixels = fx(() -> view.snapshot(null, null)).getPixelReader();
        Point2D left = fx(() -> view.positionOf("db-2").orElseThrow());
        Point2D alive = fx(() -> view.positionOf("db-1").orElseThrow());

        assertThat(distance(pixels.getColor((int) alive.getX(), (int) alive.getY()), fx(() -> view.colourOf("db"))))
                .isLessThan(0.05);
        // hollow: the ring has the role colour, the centre does not (faint mesh lines meet there)
        Color role = fx(() -> view.colourOf("db"));
        double r = fx(() -> GraphLayout.MEMBER_RADIUS * view.getViewport().scale());
        Color ring = pixels.getColor((int) (left.getX() + r - Math.max(1.5, r * 0.35) / 2), (int) left.getY());
        Color centre = pixels.getColor((int) left.getX(), (int) left.getY());
        assertThat(distance(ring, role)).as("ring %s", ring).isLessThan(0.1);
        assertThat(distance(centre, role)).as("centre %s", centre).isGreaterThan(0.4);
    }

    @Test
    void selectsTheMemberThatIsClicked(FxRobot robot) {
        awaitIdle();
        Point2D onScreen = fx(() -> view.localToScreen(view.positionOf("web-2").orElseThrow()));

        robot.clickOn(onScreen);

        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> view.getSelectedMember()) != null);
        assertThat(fx(() -> view.getSelectedMember().name())).isEqualTo("web-2");
    }

    @Test
    void clearsTheSelectionWhenEmptySpaceIsClicked(FxRobot robot) {
        fx(() -> view.select("db-1"));
        awaitIdle();

        robot.clickOn(fx(() -> view.localToScreen(3, 3)));

        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> view.getSelectedMember()) == null);
    }

    @Test
    void centresOnAMemberFoundBySearch() {
        awaitIdle();
        String found = fx(() -> view.findMember("web-3").orElseThrow().name());

        assertThat(fx(() -> view.centreOn(found))).isTrue();
        awaitIdle();

        Point2D at = fx(() -> view.positionOf("web-3").orElseThrow());
        double w = fx(() -> view.getWidth());
        double h = fx(() -> view.getHeight());
        assertThat(at.getX()).isCloseTo(w / 2, org.assertj.core.api.Assertions.within(1.0));
        assertThat(at.getY()).isCloseTo(h / 2, org.assertj.core.api.Assertions.within(1.0));
        assertThat(fx(() -> view.getSelectedMember().name())).isEqualTo("web-3");
        assertThat(fx(() -> view.centreOn("nobody"))).isFalse();
    }

    @Test
    void zoomsWithTheKeyboardAndFitsWithZero(FxRobot robot) {
        awaitIdle();
        double fitted = fx(() -> view.getViewport().scale());
        fx(() -> {
            view.requestFocus();
            return null;
        });

        robot.type(KeyCode.EQUALS);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> view.getViewport().scale()) > fitted * 1.2);

        robot.type(KeyCode.DIGIT0);
        awaitIdle();
        assertThat(fx(() -> view.getViewport().scale())).isCloseTo(fitted, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void zoomsAroundTheCursorWithTheWheel(FxRobot robot) {
        awaitIdle();
        Point2D member = fx(() -> view.positionOf("db-2").orElseThrow());
        double before = fx(() -> view.getViewport().scale());

        robot.moveTo(fx(() -> view.localToScreen(member)));
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);

        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> view.getViewport().scale()) != before);
        Point2D after = fx(() -> view.positionOf("db-2").orElseThrow());
        assertThat(after.distance(member)).isLessThan(1.5);
    }

    @Test
    void pansWhenDragged(FxRobot robot) {
        awaitIdle();
        Point2D before = fx(() -> view.positionOf("db-1").orElseThrow());
        Point2D start = fx(() -> view.localToScreen(5, 5));

        robot.drag(start, javafx.scene.input.MouseButton.PRIMARY).moveBy(60, 40).release(javafx.scene.input.MouseButton.PRIMARY);

        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> view.positionOf("db-1").orElseThrow())
                .distance(before.add(60, 40)) < 1.5);
        assertThat(fx(() -> view.getSelectedMember())).isNull();
    }

    @Test
    void pulsesAChildThatChangedStateAndThenRests() {
        awaitIdle();
        GraphModel model = fx(() -> view.getModel());
        GraphMember db2 = model.member("db-2").orElseThrow();
        GraphModel changed = model.withMember(db2.withChildren(List.of(
                db2.children().get(0).withState(SupervisorState.FATAL, Instant.now()), db2.children().get(1))));
        long framesBefore = fx(() -> view.framesDrawn());

        fx(() -> {
            view.setModel(changed);
            return null;
        });

        assertThat(fx(() -> view.isAnimating())).isTrue();
        // a pulse lasts about a second; its ring moves on every other JavaFX pulse (60 Hz) until it ends
        awaitIdle();
        long ringFrames = fx(() -> view.framesDrawn()) - framesBefore;
        assertThat(ringFrames).isGreaterThan(5)
                .isLessThanOrEqualTo(Pulses.DURATION_MILLIS * 1_000_000 / ClusterGraphView.RING_FRAME_NANOS + 3);
    }

    @Test
    void describesMembersAndChildrenInTooltips() {
        awaitIdle();
        Point2D member = fx(() -> view.positionOf("web-1").orElseThrow());

        String text = fx(() -> view.tooltipTextAt(member.getX(), member.getY()));

        assertThat(text).contains("web-1", "127.0.0.21:7946", "roles: web", "status: alive", "2 children");
        assertThat(fx(() -> view.tooltipTextAt(2, 2))).isNull();
    }

    @Test
    void writesAPngOfTheViewAndOfTheWholeGraphAtAGivenSize(@TempDir Path dir) throws Exception {
        awaitIdle();
        Path shown = dir.resolve("view.png");
        Path whole = dir.resolve("graph/whole.png");

        fx(() -> {
            view.writePng(shown);
            view.writePng(whole, 320, 200);
            return null;
        });

        byte[] signature = {(byte) 0x89, 'P', 'N', 'G'};
        assertThat(Files.readAllBytes(shown)).startsWith(signature);
        BufferedImage image = ImageIO.read(shown.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(fx(() -> view.getWidth())));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(fx(() -> view.getHeight())));
        BufferedImage small = ImageIO.read(whole.toFile());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(200);
    }

    @Test
    void showsEveryRoleInTheLegend() {
        assertThat(fx(() -> legend.roles())).containsExactly("db", "web");
        fx(() -> {
            view.setModel(view.getModel().withMember(GraphFixtures.member("c", "", "cache")));
            return null;
        });
        assertThat(fx(() -> legend.roles())).containsExactly("cache", "db", "web");
    }

    @Test
    void explainsEveryStatusShapeInTheStatusLegend() {
        StatusLegend statusLegend = fx(StatusLegend::new);

        assertThat(statusLegend.statuses())
                .containsExactly(MemberStatus.ALIVE, MemberStatus.LEAVING, MemberStatus.LEFT, MemberStatus.FAILED);
        assertThat(fx(() -> statusLegend.getChildren().size())).isEqualTo(4);
    }

    @Test
    void regroupsMembersByHost() {
        fx(() -> {
            view.setLayoutMode(LayoutMode.BY_HOST);
            return null;
        });

        assertThat(fx(() -> view.getGraphLayout().groups())).hasSize(6);
    }

    private void awaitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> !view.isAnimating() && view.framesDrawn() > 0));
    }

    private static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }
}
