package io.serfnode.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildrenSupervisorTest {
    private static final SupervisionPolicy POLICY = SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofSeconds(1));

    @TempDir
    Path stateDir;

    private final ManualMailboxes time = new ManualMailboxes();
    private final FakeRuntime runtime = new FakeRuntime();
    private final RecordedTransitions transitions = new RecordedTransitions();

    private ChildrenSupervisor supervisor(String... children) throws IOException {
        List<ChildSpec> specs = java.util.Arrays.stream(children)
                .map(name -> ChildSpec.process(name, List.of("/bin/true")).withSupervision(POLICY))
                .toList();
        ChildrenSupervisor supervisor = new ChildrenSupervisor("m1", stateDir, specs,
                Map.of(RuntimeKind.PROCESS, runtime), time);
        supervisor.subscribe(transitions);
        return supervisor;
    }

    private static List<String> steps(List<SupervisorStateChanged> events) {
        return events.stream().map(e -> e.child() + ":" + e.from() + ">" + e.to()).toList();
    }

    @Test
    void startsChildrenInListOrderAndLetsTheirStartsecsRunTogether() throws IOException {
        ChildrenSupervisor supervisor = supervisor("db", "app", "web");

        CompletionStage<List<ChildCommandResult>> all = supervisor.startAll();
        time.advance(Duration.ofSeconds(1));

        // one startsecs for all three, as supervisord does, not one after the other
        assertThat(steps(transitions.events)).containsExactly(
                "db:STOPPED>STARTING", "app:STOPPED>STARTING", "web:STOPPED>STARTING",
                "db:STARTING>RUNNING", "app:STARTING>RUNNING", "web:STARTING>RUNNING");
        assertThat(all.toCompletableFuture().join()).extracting(ChildCommandResult::child)
                .containsExactly("db", "app", "web");
    }

    @Test
    void stopsChildrenInReverseOrder() throws IOException {
        ChildrenSupervisor supervisor = supervisor("db", "app", "web");
        supervisor.startAll();
        time.advance(Duration.ofSeconds(5));
        transitions.clear();

        CompletionStage<List<ChildCommandResult>> all = supervisor.stopAll();
        time.runPending();

        assertThat(steps(transitions.events)).containsExactly(
                "web:RUNNING>STOPPING", "web:STOPPING>STOPPED",
                "app:RUNNING>STOPPING", "app:STOPPING>STOPPED",
                "db:RUNNING>STOPPING", "db:STOPPING>STOPPED");
        assertThat(all.toCompletableFuture().join()).allMatch(ChildCommandResult::isOk);
    }

    @Test
    void startsTheOthersWhenOneGivesUp() throws IOException {
        List<ChildSpec> specs = List.of(
                ChildSpec.process("broken", List.of("/bin/true")).withSupervision(POLICY.withStartRetries(0)),
                ChildSpec.process("web", List.of("/bin/true")).withSupervision(POLICY));
        ChildrenSupervisor supervisor = new ChildrenSupervisor("m1", stateDir, specs,
                Map.of(RuntimeKind.PROCESS, runtime), time);
        runtime.failingNextStart("no such program");
        CompletionStage<List<ChildCommandResult>> all = supervisor.startAll();
        time.advance(Duration.ofSeconds(2));

        assertThat(all.toCompletableFuture().join()).extracting(ChildCommandResult::outcome)
                .containsExactly(CommandOutcome.FAILED, CommandOutcome.OK);
        assertThat(supervisor.snapshot()).extracting(c -> c.status().state())
                .containsExactly(SupervisorState.FATAL, SupervisorState.RUNNING);
    }

    @Test
    void numbersTransitionsOfAllChildrenWithOneStrictlyIncreasingCounter() throws IOException {
        ChildrenSupervisor supervisor = supervisor("a", "b");
        supervisor.startAll();
        time.advance(Duration.ofSeconds(5));
        supervisor.restart("a");
        supervisor.stop("b");
        time.advance(Duration.ofSeconds(5));

        assertThat(transitions.events).extracting(SupervisorStateChanged::counter)
                .isSorted()
                .doesNotHaveDuplicates()
                .startsWith(1L)
                .endsWith((long) transitions.events.size());
        assertThat(transitions.events).allMatch(e -> e.member().equals("m1"));
    }

    @Test
    void continuesTheCounterAfterAnAgentRestartOnTheSameStateDirectory() throws IOException {
        ChildrenSupervisor first = supervisor("web");
        first.startAll();
        time.advance(Duration.ofSeconds(2));
        first.shutdown();
        time.runPending();
        first.close();
        long last = transitions.last().counter();
        assertThat(transitions.completed).isTrue();
        transitions.clear();

        ChildrenSupervisor second = supervisor("web");
        second.startAll();
        time.advance(Duration.ofSeconds(2));

        assertThat(transitions.events).extracting(SupervisorStateChanged::counter)
                .containsExactly(last + 1, last + 2);
    }

    @Test
    void showsEveryChildInListOrderInItsSnapshot() throws IOException {
        ChildrenSupervisor supervisor = supervisor("db", "web");
        supervisor.start("web");
        time.advance(Duration.ofSeconds(1));

        List<SupervisedChild> snapshot = supervisor.snapshot();

        assertThat(snapshot).extracting(c -> c.child().name()).containsExactly("db", "web");
        assertThat(snapshot).extracting(c -> c.status().state())
                .containsExactly(SupervisorState.STOPPED, SupervisorState.RUNNING);
        assertThat(snapshot.get(1).status().counter()).isEqualTo(2);
        assertThat(supervisor.status("web")).hasValueSatisfying(s -> assertThat(s.pid()).isNotNull());
        assertThat(supervisor.status("nope")).isEmpty();
    }

    @Test
    void refusesCommandsForAChildItDoesNotHave() throws IOException {
        ChildrenSupervisor supervisor = supervisor("web");

        ChildCommandResult result = supervisor.restart("wbe").toCompletableFuture().join();

        assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(result.message()).contains("no child named 'wbe'", "[web]");
    }

    @Test
    void adoptsLeftoversOfItsChildrenAndEndsLeftoversOfOthers() throws IOException {
        FakeRuntime.FakeChild ours = new FakeRuntime.FakeChild("web", 50, false);
        FakeRuntime.FakeChild stranger = new FakeRuntime.FakeChild("gone", 51, false);
        runtime.leftovers.addAll(List.of(ours, stranger));
        ChildrenSupervisor supervisor = supervisor("web");

        supervisor.startAll();
        time.advance(Duration.ofSeconds(1));

        assertThat(stranger.killed).isTrue();
        assertThat(stranger.removed).isTrue();
        assertThat(ours.killed).isFalse();
        assertThat(runtime.started).isEmpty();
        assertThat(supervisor.status("web")).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(SupervisorState.RUNNING);
            assertThat(s.pid()).isEqualTo(50L);
        });
    }

    @Test
    void refusesStartsOnceShutDown() throws IOException {
        ChildrenSupervisor supervisor = supervisor("web");
        supervisor.startAll();
        time.advance(Duration.ofSeconds(1));

        supervisor.shutdown();
        CompletionStage<ChildCommandResult> start = supervisor.start("web");
        time.runPending();

        assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.REJECTED);
        assertThat(supervisor.snapshot().getFirst().status().state()).isEqualTo(SupervisorState.STOPPED);
    }

    @Test
    void refusesTwoChildrenWithOneName() {
        assertThatThrownBy(() -> supervisor("web", "web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two children named 'web'");
    }

    @Test
    void refusesAChildWhoseRuntimeIsMissing() {
        ChildSpec docker = ChildSpec.docker("cache", "redis:7", List.of());
        assertThatThrownBy(() -> new ChildrenSupervisor("m1", stateDir, List.of(docker),
                Map.of(RuntimeKind.PROCESS, runtime), time))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("child 'cache' needs the DOCKER runtime");
    }
}
