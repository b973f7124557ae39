package io.serfnode.console.viewmodel;

import static io.serfnode.console.testing.Clusters.threeMembers;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.state.ClusterState;
import io.serfnode.console.testing.Clusters;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.ForceLeave;
import io.serfnode.model.command.LeaveMember;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.StartChild;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.command.StopChild;
import io.serfnode.model.wire.ResultMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberDetailViewModelTest {
    private final FakeClusterSession session = new FakeClusterSession();
    private final ManualUiThread ui = new ManualUiThread();
    private final Clock clock = Clock.fixed(Clusters.T0.plus(Duration.ofMinutes(3).plusSeconds(7)), ZoneOffset.UTC);
    private final MemberDetailViewModel detail = new MemberDetailViewModel(session::send, ui, clock);
    private final ClusterState state = new ClusterState();

    @BeforeEach
    void showWeb() {
        state.apply(threeMembers(1));
        detail.show(state.member("web-1"));
    }

    @Test
    void showsWhoTheMemberIsAndItsChildren() {
        assertThat(detail.nameProperty().get()).isEqualTo("web-1");
        assertThat(detail.addressProperty().get()).isEqualTo("127.0.0.2:7946");
        assertThat(detail.statusProperty().get()).isEqualTo("alive");
        assertThat(detail.roles()).containsExactly("web");
        assertThat(detail.tags()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("role=web", "ws=127.0.0.2:7070");
        assertThat(detail.children()).containsExactly(
                new ChildRow("app", io.serfnode.model.SupervisorState.RUNNING, "3m 07s", 0, "", "/bin/sleep 1000"),
                new ChildRow("sidecar", io.serfnode.model.SupervisorState.RUNNING, "3m 07s", 0, "", "/bin/sleep 999"));
    }

    @Test
    void showsTheSelectedChildsTimeline() {
        detail.selectChild("app");

        assertThat(detail.timeline()).hasSize(1);
        assertThat(detail.timeline().get(0).state()).isEqualTo(io.serfnode.model.SupervisorState.RUNNING);
    }

    @Test
    void restartShowsProgressThenTheResult() throws IOException {
        detail.restartChild("app");

        assertThat(session.sent).containsExactly(new RestartChild("web-1", "app"));
        assertThat(detail.actionProperty().get()).isEqualTo(
                new ActionState(ActionState.Phase.RUNNING, "Restarting app on web-1 …"));

        session.lastCommandListener().onNext(new StepProgress("stopping", null));
        ui.pulse();
        assertThat(detail.actionProperty().get().message()).isEqualTo("Restarting app on web-1 … stopping");

        session.lastCommandListener().onComplete(ResultMessage.ok("c-1"));
        ui.pulse();
        assertThat(detail.actionProperty().get()).isEqualTo(
                new ActionState(ActionState.Phase.SUCCEEDED, "Restarted app on web-1"));
    }

    @Test
    void aRefusedCommandIsShownWithTheAgentsReason() {
        detail.stopChild("app");

        session.lastCommandListener().onComplete(
                ResultMessage.notOk("c-1", CommandOutcome.REJECTED, "no child 'app' on web-1"));
        ui.pulse();

        assertThat(session.sent).containsExactly(new StopChild("web-1", "app"));
        assertThat(detail.actionProperty().get()).isEqualTo(new ActionState(ActionState.Phase.FAILED,
                "Stop app on web-1 was rejected: no child 'app' on web-1"));
    }

    @Test
    void aLostConnectionFailsTheCommandPlainly() {
        detail.startChild("sidecar");

        session.lastCommandListener().onError(new IllegalStateException("connection lost"));
        ui.pulse();

        assertThat(session.sent).containsExactly(new StartChild("web-1", "sidecar"));
        assertThat(detail.actionProperty().get().message()).isEqualTo("Start sidecar on web-1 could not be sent: connection lost");
    }

    @Test
    void leaveAndForceLeaveAimAtTheShownMember() {
        detail.leaveMember();
        detail.forceLeave();

        assertThat(session.sent).containsExactly(new LeaveMember("web-1"), new ForceLeave("web-1", false));
    }

    @Test
    void onlyDisruptiveActionsAskFirst() {
        assertThat(MemberAction.STOP_CHILD.needsConfirmation()).isTrue();
        assertThat(MemberAction.LEAVE_MEMBER.needsConfirmation()).isTrue();
        assertThat(MemberAction.FORCE_LEAVE.needsConfirmation()).isTrue();
        assertThat(MemberAction.RESTART_CHILD.needsConfirmation()).isFalse();
        assertThat(MemberAction.START_CHILD.needsConfirmation()).isFalse();
        assertThat(MemberAction.STOP_CHILD.confirmationQuestion(detail.describeTarget(MemberAction.STOP_CHILD, "app")))
                .isEqualTo("Stop app on web-1? It stays stopped until started again.");
    }

    @Test
    void showsNothingWhenTheMemberIsGone() {
        detail.show(java.util.Optional.empty());

        assertThat(detail.presentProperty().get()).isFalse();
        assertThat(detail.children()).isEmpty();
    }
}
