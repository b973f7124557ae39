package io.serfnode.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.console.session.SessionUpdate;
import io.serfnode.console.state.ClusterState;
import io.serfnode.console.testing.Clusters;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.command.SpawnedMembers;
import io.serfnode.model.command.StepProgress;
import io.serfnode.model.wire.ResultMessage;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class SpawnViewModelTest {
    private final FakeClusterSession session = new FakeClusterSession();
    private final ManualUiThread ui = new ManualUiThread();
    private final ClusterState cluster = new ClusterState(ClusterState.Limits.DEFAULT);
    private final ObservableList<String> templates = FXCollections.observableArrayList();
    private final SpawnViewModel model = new SpawnViewModel(session::send, ui, cluster::members, templates);

    SpawnViewModelTest() {
        SessionUpdate.SnapshotReceived snapshot = Clusters.threeMembers(1);
        cluster.apply(snapshot);
    }

    @Test
    void sendsOneMemberLikeAnExistingOne() {
        model.presetLike("web-1");

        model.spawn();

        assertThat(session.sent).containsExactly(SpawnMember.like("web-1"));
        assertThat(model.actionProperty().get().message()).isEqualTo("Spawning 1 member like web-1 …");
        assertThat(model.sendableProperty().get()).as("one spawn at a time").isFalse();
    }

    @Test
    void sendsEveryFieldOfTheForm() {
        model.sourceProperty().set(SpawnSource.TEMPLATE);
        model.templateProperty().set(" cache ");
        model.roleProperty().set("cache edge");
        model.countProperty().set(3);
        model.runtimeProperty().set(RuntimeKind.PROCESS);
        model.spawnerProperty().set("db-1");

        model.spawn();

        assertThat(session.sent).containsExactly(SpawnMember.fromTemplate("cache").withRole("cache edge").withCount(3)
                .withRuntime(RuntimeKind.PROCESS).withSpawner("db-1"));
    }

    @Test
    void namesWhatIsMissingOrWrongAndSendsNothing() {
        assertThat(model.problemProperty().get()).isEqualTo("Like member: choose the member to copy.");
        assertThat(model.sendableProperty().get()).isFalse();

        model.sourceProperty().set(SpawnSource.TEMPLATE);
        assertThat(model.problemProperty().get()).isEqualTo("Template: name a template.");
        model.templateProperty().set("web edge");
        assertThat(model.problemProperty().get()).isEqualTo("Template: a template name is one word, found 'web edge'.");
        model.templateProperty().set("web");
        model.countProperty().set(0);
        assertThat(model.problemProperty().get()).startsWith("Count: ");
        model.countProperty().set(101);
        assertThat(model.problemProperty().get()).isEqualTo("Count: must be at most 100, found 101.");

        model.spawn();
        assertThat(session.sent).isEmpty();

        model.countProperty().set(2);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.sendableProperty().get()).isTrue();
    }

    @Test
    void listsTheStepsAsTheyArriveThenTheNewMembers() {
        model.presetLike("web-1");
        model.countProperty().set(2);
        model.spawn();

        session.lastCommandListener().onNext(new StepProgress("requested", "2 members like web-1"));
        session.lastCommandListener().onNext(new StepProgress("created", "member web-2, pid 4242"));
        ui.pulse();
        assertThat(model.steps()).containsExactly("requested: 2 members like web-1", "created: member web-2, pid 4242");
        assertThat(model.actionProperty().get().message()).endsWith("created: member web-2, pid 4242");

        session.lastCommandListener().onNext(new StepProgress("joined", null));
        session.lastCommandListener().onComplete(ResultMessage.ok("c-1", new SpawnedMembers(List.of("web-2", "web-3"))));
        ui.pulse();

        assertThat(model.steps()).endsWith("joined");
        assertThat(model.spawned()).containsExactly("web-2", "web-3");
        assertThat(model.actionProperty().get()).isEqualTo(new ActionState(ActionState.Phase.SUCCEEDED,
                "Spawned web-2, web-3; they have joined the cluster"));
        assertThat(model.sendableProperty().get()).isTrue();
    }

    @Test
    void showsTheAgentsReasonAndLearnsTheTemplatesItNames() {
        model.sourceProperty().set(SpawnSource.TEMPLATE);
        model.templateProperty().set("mail");
        model.spawn();

        session.lastCommandListener().onComplete(ResultMessage.notOk("c-1", CommandOutcome.REJECTED,
                "no template named 'mail' in /srv/serfnode/templates; available: web, cache, db"));
        ui.pulse();

        assertThat(model.actionProperty().get()).isEqualTo(new ActionState(ActionState.Phase.FAILED,
                "Spawning 1 member from template 'mail' was rejected: no template named 'mail' in"
                        + " /srv/serfnode/templates; available: web, cache, db"));
        assertThat(model.templates()).containsExactly("cache", "db", "web");
        assertThat(templates).as("shared with the next form").containsExactly("cache", "db", "web");
    }

    @Test
    void saysPlainlyWhenTheSpawnCannotBeSent() {
        SpawnViewModel offline = new SpawnViewModel((command, listener) -> listener.onError(
                new IllegalStateException("not connected to a cluster")), ui, cluster::members);
        offline.presetLike("db-1");

        offline.spawn();
        ui.pulse();

        assertThat(offline.actionProperty().get()).isEqualTo(new ActionState(ActionState.Phase.FAILED,
                "Spawning 1 member like db-1 could not be sent: not connected to a cluster"));
    }

    @Test
    void findsTheFirstMemberOfARoleToCopy() {
        assertThat(model.firstMemberOfRole("db")).contains("db-1");
        assertThat(model.firstMemberOfRole("backup")).contains("db-1");
        assertThat(model.firstMemberOfRole("mail")).isEmpty();
        assertThat(model.memberNames()).containsExactly("db-1", "plain-1", "web-1");
    }
}
