package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.testing.Clusters;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.wire.ResultMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewsViewModelTest {
    private static final ViewReport AGREE = new ViewReport(List.of(new ViewGroup("5be0c3d19a7f2e48",
            List.of("db-1", "web-1", "web-2"), 3, 0, 0, List.of())), List.of());
    private static final ViewReport TWO_GROUPS = new ViewReport(List.of(
            new ViewGroup("9f2c4e1a7b3d5c60", List.of("web-2"), 2, 2, 0, List.of("db-1", "db-2")),
            new ViewGroup("04d1b7e9c2a8f356", List.of("web-1"), 4, 0, 0, List.of())),
            List.of("db-1", "db-2"));

    private final FakeClusterSession session = new FakeClusterSession();
    private final ManualUiThread ui = new ManualUiThread();
    private final MainViewModelTest.MutableClock clock = new MainViewModelTest.MutableClock(Clusters.T0);
    private final ClusterViewsViewModel model = new ClusterViewsViewModel(session::send, ui, clock,
            Duration.ofSeconds(5), Duration.ofSeconds(1));

    @Test
    void checksAtOnceWhenConnectedThenEveryFewSeconds() {
        model.setConnected(true);
        assertThat(session.sent).containsExactly(ViewCheck.withDefaults());

        answer(AGREE);
        clock.advance(Duration.ofSeconds(4));
        model.tick();
        assertThat(session.sent).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(session.sent).hasSize(2);
    }

    @Test
    void runsOneCheckAtATime() {
        model.setConnected(true);
        clock.advance(Duration.ofSeconds(30));
        model.tick();
        model.membershipChanged();
        clock.advance(Duration.ofSeconds(2));
        model.tick();
        model.checkNow();

        assertThat(session.sent).hasSize(1);
    }

    @Test
    void checksSoonAfterMembershipChangesDebouncingABurst() {
        model.setConnected(true);
        answer(AGREE);

        model.membershipChanged();
        clock.advance(Duration.ofMillis(500));
        model.membershipChanged();
        model.tick();
        assertThat(session.sent).as("still within the debounce").hasSize(1);

        clock.advance(Duration.ofMillis(500));
        model.tick();
        model.tick();
        assertThat(session.sent).as("one check for the burst, before the interval").hasSize(2);
    }

    @Test
    void saysTheViewsAgree() {
        model.setConnected(true);

        answer(AGREE);

        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.AGREE);
        assertThat(model.badgeProperty().get()).isEqualTo("views agree");
        assertThat(model.groups()).singleElement().satisfies(group -> {
            assertThat(group.membersText()).isEqualTo("db-1, web-1, web-2");
            assertThat(group.sees()).isEqualTo("3 alive · 0 failed · 0 left");
            assertThat(group.failedText()).isEqualTo("none");
        });
    }

    @Test
    void listsWhichMembersSeeWhichWhenViewsDiffer() {
        model.setConnected(true);

        answer(TWO_GROUPS);

        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.DIFFER);
        assertThat(model.badgeProperty().get()).isEqualTo("views differ: 2 groups");
        assertThat(model.groups()).extracting(ViewGroupRow::membersText).containsExactly("web-2", "web-1");
        assertThat(model.groups().get(0).failedText()).isEqualTo("db-1, db-2");
        assertThat(model.groups().get(0).sees()).isEqualTo("2 alive · 2 failed · 0 left");
        assertThat(model.noAnswer()).containsExactly("db-1", "db-2");
        assertThat(model.detailProperty().get()).contains("2 no answer");
    }

    @Test
    void namesFailedMembersThatDidNotFitTheAnswer() {
        ViewGroupRow row = ViewGroupRow.of(new ViewGroup("ab12", List.of("web-1"), 1, 3, 0, List.of("db-1")));

        assertThat(row.failedText()).isEqualTo("db-1 and 2 more");
    }

    @Test
    void countsSilentMembersApartFromDisagreement() {
        model.setConnected(true);

        answer(new ViewReport(AGREE.groups(), List.of("worker-1")));

        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.AGREE);
        assertThat(model.badgeProperty().get()).isEqualTo("views agree (1 no answer)");
    }

    @Test
    void showsAFailedCheckAsUnknown() {
        model.setConnected(true);

        session.lastCommandListener().onComplete(ResultMessage.notOk("c-1", CommandOutcome.TIMEOUT, "no answer in 3 s"));
        ui.pulse();

        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.UNKNOWN);
        assertThat(model.badgeProperty().get()).isEqualTo("views unknown");
        assertThat(model.detailProperty().get()).endsWith("did not answer: timeout: no answer in 3 s");
    }

    @Test
    void stopsCheckingAndForgetsTheVerdictWhenDisconnected() {
        model.setConnected(true);
        answer(TWO_GROUPS);

        model.setConnected(false);
        clock.advance(Duration.ofMinutes(1));
        model.tick();

        assertThat(session.sent).hasSize(1);
        assertThat(model.badgeProperty().get()).isEqualTo("views not checked");
        assertThat(model.groups()).isEmpty();
    }

    @Test
    void ignoresAnAnswerFromBeforeAReconnect() {
        model.setConnected(true);
        var stale = session.lastCommandListener();
        model.setConnected(false);
        model.setConnected(true);

        stale.onComplete(ResultMessage.ok("c-1", TWO_GROUPS));
        ui.pulse();

        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.UNKNOWN);
        answer(AGREE);
        assertThat(model.verdictProperty().get()).isEqualTo(ClusterViewsViewModel.Verdict.AGREE);
    }

    private void answer(ViewReport report) {
        session.lastCommandListener().onComplete(ResultMessage.ok("c-" + session.sent.size(), report));
        ui.pulse();
    }
}
