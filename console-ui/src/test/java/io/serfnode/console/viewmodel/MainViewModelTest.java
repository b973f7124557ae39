package io.serfnode.console.viewmodel;

import static io.serfnode.console.testing.Clusters.event;
import static io.serfnode.console.testing.Clusters.member;
import static io.serfnode.console.testing.Clusters.threeMembers;
import static io.serfnode.console.testing.Clusters.transition;
import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.overview.GraphModelMapper;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.ConnectionStatus;
import io.serfnode.console.session.SessionUpdate;
import io.serfnode.console.state.MemberView;
import io.serfnode.console.testing.Clusters;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SerfTags;
import io.serfnode.model.Payload;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.TriggerEvent;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.UserEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private static final URI AGENT = URI.create("ws://127.0.0.2:7070/v1/cluster");

    private final List<FakeClusterSession> sessions = new ArrayList<>();
    private final ManualUiThread ui = new ManualUiThread();
    private final MutableClock clock = new MutableClock(Clusters.T0);
    private final MainViewModel model = new MainViewModel(() -> {
        FakeClusterSession session = new FakeClusterSession();
        sessions.add(session);
        return session;
    }, ui, clock);

    @Test
    void drawsTheFirstSnapshotInOnePulseAndListsItsMembersInTheNext() {
        FakeClusterSession session = connect();
        long revision = model.clusterRevisionProperty().get();

        session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.CONNECTED, AGENT,
                "web-1", null, null)));
        session.push(threeMembers(42));
        assertThat(model.pictureMembers()).isEmpty();
        ui.pulse();

        assertThat(model.clusterRevisionProperty().get()).as("the picture at once").isEqualTo(revision + 1);
        assertThat(model.pictureMembers()).extracting(MemberView::name).containsExactly("web-1", "db-1", "plain-1");
        assertThat(model.seqProperty().get()).isEqualTo(42);
        assertThat(model.statusLineProperty().get()).contains("Connected to web-1").contains("seq 42").contains("3 members");
        assertThat(model.members()).as("the rows a pulse later").isEmpty();
        assertThat(model.snapshotsProperty().get()).isEqualTo(1);
        assertThat(model.agentProperty().get()).isEqualTo("web-1");
        ui.pulse();

        assertThat(model.members()).extracting(MemberView::name).containsExactly("web-1", "db-1", "plain-1");
        assertThat(model.events().roleChoices()).containsExactly("backup", "db", "web");
        ui.pulse();
        ui.pulse();
        assertThat(model.clusterRevisionProperty().get()).as("nothing changed since the picture was drawn")
                .isEqualTo(revision + 1);
        assertThat(ui.pulse()).as("and then rests").isZero();
    }

    @Test
    void aChildsChangeBetweenThePictureAndTheRowsOfANewRosterReachesThePicture() {
        FakeClusterSession session = connect();
        session.push(threeMembers(1));
        ui.pulse();
        assertThat(model.members()).as("the rows still to come").isEmpty();
        long revision = model.clusterRevisionProperty().get();

        session.push(event(2, transition("db-1", "postgres", RUNNING, EXITED, 1, 8)));
        settle();

        assertThat(model.members().get(1).children().get(0).status().state()).isEqualTo(EXITED);
        assertThat(model.pictureMembers().get(1)).isSameAs(model.members().get(1));
        assertThat(model.clusterRevisionProperty().get()).isEqualTo(revision + 1);
    }

    @Test
    void aPulseWithOneChildsTransitionReplacesOnlyThatMembersRowAndGraphNode() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        List<MemberView> before = List.copyOf(model.members());
        GraphModelMapper mapper = new GraphModelMapper();
        GraphModel pictureBefore = mapper.map(model.members());
        long revision = model.clusterRevisionProperty().get();
        List<String> changes = new ArrayList<>();
        model.members().addListener((ListChangeListener<MemberView>) change -> {
            StringBuilder parts = new StringBuilder();
            while (change.next()) {
                parts.append(change.wasReplaced() ? "replaced " : "other ").append(change.getFrom()).append("..")
                        .append(change.getTo()).append(';');
            }
            changes.add(parts.toString());
        });

        clock.advance(MainViewModel.REFRESH_INTERVAL);
        session.push(event(2, transition("db-1", "postgres", RUNNING, EXITED, 1, 8)));
        ui.pulse();
        assertThat(model.clusterRevisionProperty().get()).as("the rows first, the picture two pulses on")
                .isEqualTo(revision);
        ui.pulse();
        ui.pulse();

        assertThat(model.members()).extracting(MemberView::name).containsExactly("web-1", "db-1", "plain-1");
        assertThat(model.members().get(0)).isSameAs(before.get(0));
        assertThat(model.members().get(2)).isSameAs(before.get(2));
        assertThat(model.members().get(1)).isNotSameAs(before.get(1));
        assertThat(model.members().get(1).children().get(0).status().state()).isEqualTo(EXITED);
        assertThat(changes).as("one change: the db-1 row replaced in place").containsExactly("replaced 1..2;");

        assertThat(model.clusterRevisionProperty().get()).as("the picture follows").isEqualTo(revision + 1);
        GraphModel pictureAfter = mapper.map(model.members());
        assertThat(pictureAfter.member("web-1").orElseThrow()).isSameAs(pictureBefore.member("web-1").orElseThrow());
        assertThat(pictureAfter.member("plain-1").orElseThrow())
                .isSameAs(pictureBefore.member("plain-1").orElseThrow());
        assertThat(pictureAfter.member("db-1").orElseThrow().children().get(0).state()).isEqualTo(EXITED);
    }

    @Test
    void showsChildrenChangesAtMostOncePerIntervalOnePartPerPulseAndCatchesUpWithoutAnotherEvent() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        long revision = model.clusterRevisionProperty().get();
        clock.advance(MainViewModel.REFRESH_INTERVAL);

        session.push(event(2, transition("web-1", "app", RUNNING, EXITED, 1, 10)));
        ui.pulse();
        assertThat(model.members().get(0).children().get(0).status().state()).as("rows first").isEqualTo(EXITED);
        assertThat(model.seqProperty().get()).as("event rows and status line next").isEqualTo(1);
        session.push(event(3, transition("web-1", "app", EXITED, BACKOFF, null, 11)));
        ui.pulse();
        assertThat(model.seqProperty().get()).isEqualTo(3);
        assertThat(model.clusterRevisionProperty().get()).as("the picture last").isEqualTo(revision);
        ui.pulse();
        assertThat(model.clusterRevisionProperty().get()).isEqualTo(revision + 1);

        assertThat(model.members().get(0).children().get(0).status().state())
                .as("the second change came within the interval").isEqualTo(EXITED);
        ui.pulse();
        assertThat(model.members().get(0).children().get(0).status().state()).as("still within the interval")
                .isEqualTo(EXITED);
        clock.advance(MainViewModel.REFRESH_INTERVAL);
        ui.pulse();
        ui.pulse();
        ui.pulse();
        assertThat(model.members().get(0).children().get(0).status().state())
                .as("caught up without another event").isEqualTo(BACKOFF);
        assertThat(model.clusterRevisionProperty().get()).isEqualTo(revision + 2);
        assertThat(ui.pulse()).as("and then rests").isZero();
    }

    @Test
    void aMembershipChangeRebuildsThePictureAtOnceAndReplacesTheRowsInTheNextPulse() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        long revision = model.clusterRevisionProperty().get();

        session.push(event(2, new MemberJoined(Clusters.T0, member("web-2", "127.0.0.5", "web cache"))));
        ui.pulse();

        assertThat(model.pictureMembers()).extracting(MemberView::name)
                .containsExactly("web-1", "db-1", "plain-1", "web-2");
        assertThat(model.clusterRevisionProperty().get()).isEqualTo(revision + 1);
        ui.pulse();
        assertThat(model.members()).extracting(MemberView::name).containsExactly("web-1", "db-1", "plain-1", "web-2");
        assertThat(model.events().roleChoices()).containsExactly("backup", "cache", "db", "web");
        assertThat(model.events().memberChoices()).containsExactly("db-1", "plain-1", "web-1", "web-2");
    }

    @Test
    void aTagChangeKeepsTheRosterButARoleChangeRebuildsIt() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        List<MemberView> before = List.copyOf(model.members());
        long revision = model.clusterRevisionProperty().get();
        clock.advance(MainViewModel.REFRESH_INTERVAL);

        Member loaded = new Member("db-1", "127.0.0.3", 7946, Map.of(SerfTags.ROLE, "db backup", "load", "7"),
                MemberStatus.ALIVE);
        session.push(event(2, new MemberUpdated(Clusters.T0, loaded)));
        ui.pulse();
        ui.pulse();
        ui.pulse();

        assertThat(model.members().get(0)).isSameAs(before.get(0));
        assertThat(model.members().get(1).member().tags()).containsEntry("load", "7");
        assertThat(model.clusterRevisionProperty().get()).as("the picture follows the row").isEqualTo(revision + 1);

        Member moved = new Member("db-1", "127.0.0.3", 7946, Map.of(SerfTags.ROLE, "db archive"), MemberStatus.ALIVE);
        session.push(event(3, new MemberUpdated(Clusters.T0, moved)));
        ui.pulse();

        assertThat(model.clusterRevisionProperty().get()).as("a role change at once, within the interval")
                .isEqualTo(revision + 2);
        ui.pulse();
        assertThat(model.events().roleChoices()).containsExactly("archive", "db", "web");
    }

    @Test
    void statusLineSaysWhatTheSessionIsDoing() {
        FakeClusterSession session = connect();

        session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.FAILING_OVER, AGENT,
                null, "failing over via db-1 …", null)));
        ui.pulse();

        assertThat(model.phaseProperty().get()).isEqualTo(ConnectionStatus.Phase.FAILING_OVER);
        assertThat(model.statusLineProperty().get()).isEqualTo("Failing over via db-1 …");
    }

    @Test
    void countsEventsPerSecondOnEachTick() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(0));
        model.tick();
        clock.advance(MainViewModel.REFRESH_INTERVAL);

        for (int seq = 1; seq <= 300; seq++) {
            session.push(event(seq, new UserEvent(Clusters.T0, "tick", Payload.EMPTY, false, seq)));
        }
        ui.pulse();
        ui.pulse();
        clock.advance(Duration.ofSeconds(2).minus(MainViewModel.REFRESH_INTERVAL));
        model.tick();

        assertThat(model.eventsPerSecondProperty().get()).isEqualTo(150.0);
        assertThat(model.events().rows()).hasSize(300);
        assertThat(model.statusLineProperty().get()).contains("150 events/s");
    }

    @Test
    void keepsOnlyTheNewestNotifications() {
        FakeClusterSession session = connect();
        session.push(threeMembers(1));
        int failures = MainViewModel.KEPT_NOTIFICATIONS + 20;
        for (int i = 0; i < failures; i++) {
            session.push(event(2 + i, new MemberFailed(Clusters.T0, member("db-" + i, "127.0.1." + (i % 250), "db")
                    .withStatus(MemberStatus.FAILED))));
        }
        ui.pulse();

        assertThat(model.notifications()).hasSize(MainViewModel.KEPT_NOTIFICATIONS);
        assertThat(model.notifications().getLast().text()).startsWith("db-" + (failures - 1) + " ");
        assertThat(model.notifications().getFirst().text()).startsWith("db-20 ");
    }

    @Test
    void notifiesOfFatalChildrenAndFailedMembers() {
        FakeClusterSession session = connect();
        session.push(threeMembers(1));

        session.push(event(2, transition("web-1", "app", RUNNING, EXITED, 1, 10)));
        session.push(event(3, transition("web-1", "app", BACKOFF, FATAL, 1, 11)));
        session.push(event(4, new MemberFailed(Clusters.T0, member("db-1", "127.0.0.3", "db")
                .withStatus(MemberStatus.FAILED))));
        ui.pulse();

        assertThat(model.notifications()).extracting(Notification::title).containsExactly("Child FATAL", "Member failed");
        assertThat(model.notifications().get(0).text()).isEqualTo("app on web-1 could not be started (last exit 1).");
        assertThat(model.notifications().get(1).severity()).isEqualTo(Notification.Severity.WARNING);
    }

    @Test
    void theSelectedMembersDetailFollowsItsEvents() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));

        model.select("web-1");
        clock.advance(MainViewModel.REFRESH_INTERVAL);
        session.push(event(2, transition("web-1", "app", RUNNING, EXITED, 3, 10)));
        ui.pulse();

        assertThat(model.detail().nameProperty().get()).isEqualTo("web-1");
        assertThat(model.detail().children()).extracting(ChildRow::state).containsExactly(EXITED, RUNNING);
        assertThat(model.detail().children().get(0).exitCode()).isEqualTo("3");
    }

    @Test
    void ignoresWhatAnEarlierSessionStillDelivers() {
        FakeClusterSession first = connect();
        FakeClusterSession second = connect();

        showSnapshot(first, threeMembers(7));

        assertThat(first.closed).isTrue();
        assertThat(model.members()).isEmpty();
        assertThat(model.pictureMembers()).isEmpty();
        assertThat(second.closed).isFalse();
    }

    @Test
    void aSessionErrorIsShownPlainly() {
        FakeClusterSession session = connect();

        session.listener.onError(new IllegalStateException("the agent refused the token"));
        ui.pulse();

        assertThat(model.phaseProperty().get()).isEqualTo(ConnectionStatus.Phase.FAILED);
        assertThat(model.statusLineProperty().get()).isEqualTo("Connection failed: the agent refused the token");
        assertThat(model.notifications()).extracting(Notification::text).containsExactly("the agent refused the token");
    }

    @Test
    void checksTheViewsOnceConnectedAndSoonAfterAMemberJoins() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        assertThat(session.sent).as("not connected yet").isEmpty();

        session.push(new SessionUpdate.StatusChanged(new ConnectionStatus(ConnectionStatus.Phase.CONNECTED, AGENT,
                "web-1", null, null)));
        ui.pulse();
        assertThat(session.sent).containsExactly(ViewCheck.withDefaults());
        session.lastCommandListener().onComplete(ResultMessage.ok("c-1", new ViewReport(List.of(new ViewGroup(
                "5be0c3d19a7f2e48", List.of("db-1", "plain-1", "web-1"), 3, 0, 0, List.of())), List.of())));
        ui.pulse();
        assertThat(model.views().badgeProperty().get()).isEqualTo("views agree");

        session.push(event(2, new MemberJoined(Clusters.T0, member("web-2", "127.0.0.5", "web"))));
        ui.pulse();
        clock.advance(ClusterViewsViewModel.DEFAULT_DEBOUNCE);
        model.tick();

        assertThat(session.sent).as("well before the periodic check").hasSize(2);
    }

    @Test
    void spawnFormsSendThroughTheSessionAndKnowTheMembers() {
        FakeClusterSession session = connect();
        showSnapshot(session, threeMembers(1));
        SpawnViewModel spawn = model.newSpawn().presetLike("db-1");

        spawn.spawn();

        assertThat(spawn.memberNames()).containsExactly("db-1", "plain-1", "web-1");
        assertThat(session.operatorCommands()).containsExactly(SpawnMember.like("db-1"));
    }

    @Test
    void commandsGoThroughTheCurrentSession() {
        FakeClusterSession session = connect();
        TriggerEventViewModel trigger = model.newTriggerEvent();
        trigger.nameProperty().set("deploy");

        trigger.trigger();

        assertThat(session.operatorCommands()).containsExactly(new TriggerEvent("deploy", Payload.EMPTY, false));
    }

    @Test
    void commandsWithoutASessionFailPlainly() {
        TriggerEventViewModel trigger = model.newTriggerEvent();
        trigger.nameProperty().set("deploy");

        trigger.trigger();
        ui.pulse();

        assertThat(trigger.actionProperty().get().message()).isEqualTo(
                "Event deploy could not be sent: not connected to a cluster");
    }

    /** Hands the model a snapshot and pulses until every view shows it: the picture, the rows, events, status. */
    private void showSnapshot(FakeClusterSession session, SessionUpdate snapshot) {
        session.push(snapshot);
        settle();
    }

    private void settle() {
        for (int pulses = 0; pulses < 10; pulses++) {
            if (ui.pulse() == 0) {
                return;
            }
        }
        throw new AssertionError("the views did not come to rest in 10 pulses");
    }

    private FakeClusterSession connect() {
        model.connect(ConnectionSettings.to(AGENT, "secret"));
        return sessions.get(sessions.size() - 1);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
