package io.serfnode.agent.supervisor;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static io.serfnode.model.SupervisorState.STOPPING;
import static io.serfnode.model.SupervisorState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildSupervisorTest {
    private static final String CHILD = "web";
    private static final SupervisionPolicy POLICY = SupervisionPolicy.DEFAULTS
            .withStartSecs(Duration.ofSeconds(1))
            .withStartRetries(3)
            .withStopWait(Duration.ofSeconds(10));

    @TempDir
    Path stateDir;

    private final ManualMailboxes time = new ManualMailboxes();
    private final FakeRuntime runtime = new FakeRuntime();
    private final RecordedTransitions transitions = new RecordedTransitions();
    private TransitionPublisher publisher;

    @BeforeEach
    void publisher() throws IOException {
        publisher = new TransitionPublisher("m1", TransitionCounter.open(stateDir), ComponentLog.of("m1", "test"));
        publisher.subscribe(transitions);
    }

    private ChildSupervisor supervisor(SupervisionPolicy policy) {
        ChildSpec spec = ChildSpec.process(CHILD, List.of("/bin/true")).withSupervision(policy);
        return new ChildSupervisor(spec, runtime, time.open(CHILD), publisher, ComponentLog.of("m1", "supervisor"));
    }

    private ChildCommandResult now(CompletionStage<ChildCommandResult> command) {
        time.runPending();
        CompletableFuture<ChildCommandResult> future = command.toCompletableFuture();
        assertThat(future).as("command has completed").isDone();
        return future.join();
    }

    /** A supervisor whose child reached {@code state}; the recorded transitions are cleared. */
    private ChildSupervisor in(SupervisorState state) {
        ChildSupervisor supervisor = supervisor(POLICY);
        switch (state) {
            case STOPPED -> {
            }
            case STARTING -> {
                supervisor.start();
                time.runPending();
            }
            case RUNNING -> {
                supervisor.start();
                time.advance(Duration.ofSeconds(1));
            }
            case BACKOFF -> {
                runtime.crashingWith(1);
                supervisor.start();
                time.runPending();
                runtime.healthy();
            }
            case STOPPING -> {
                runtime.ignoringStopSignal();
                supervisor.start();
                time.advance(Duration.ofSeconds(1));
                supervisor.stop();
                time.runPending();
            }
            case EXITED -> {
                supervisor.start();
                time.advance(Duration.ofSeconds(1));
                runtime.last().exit(0);
                time.runPending();
            }
            case FATAL -> {
                runtime.crashingWith(1);
                supervisor.start();
                time.advance(Duration.ofSeconds(10));
                runtime.healthy();
            }
            case UNKNOWN -> {
                supervisor.start();
                time.advance(Duration.ofSeconds(1));
                runtime.last().lose(new IllegalStateException("engine gone"));
                time.runPending();
            }
        }
        assertThat(supervisor.status().state()).isEqualTo(state);
        transitions.clear();
        return supervisor;
    }

    @Test
    void walksACrashingChildThroughBackoffWithGrowingDelaysToFatal() {
        ChildSupervisor supervisor = supervisor(POLICY);
        runtime.crashingWith(1);
        Instant begin = time.now();

        CompletionStage<ChildCommandResult> start = supervisor.start();
        time.advance(Duration.ofSeconds(30));

        assertThat(transitions.of(CHILD)).containsExactly(
                "STOPPED>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF",
                "BACKOFF>FATAL");
        List<SupervisorStateChanged> events = transitions.events;
        assertThat(events).extracting(SupervisorStateChanged::attempt).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 4);
        assertThat(events).extracting(SupervisorStateChanged::counter).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events).extracting(SupervisorStateChanged::exitCode)
                .containsExactly(null, 1, null, 1, null, 1, null, 1, null);
        // the n-th retry waits n seconds after the n-th failure
        assertThat(events).extracting(e -> Duration.between(begin, e.time()).toSeconds())
                .containsExactly(0L, 0L, 1L, 1L, 3L, 3L, 6L, 6L, 6L);
        assertThat(runtime.started).hasSize(4);
        assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(start.toCompletableFuture().join().message()).contains("FATAL", "4 start attempts");
    }

    @Test
    void countsAFailureToSpawnAsAFailedAttempt() {
        ChildSupervisor supervisor = supervisor(POLICY.withStartRetries(1));
        runtime.failingNextStart("program 'nope' not found").failingNextStart("program 'nope' not found");

        CompletionStage<ChildCommandResult> start = supervisor.start();
        time.advance(Duration.ofSeconds(5));
        ChildCommandResult result = start.toCompletableFuture().join();

        assertThat(transitions.of(CHILD)).containsExactly("STOPPED>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF", "BACKOFF>FATAL");
        assertThat(transitions.events).extracting(SupervisorStateChanged::exitCode).containsOnlyNulls();
        assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(result.message()).contains("program 'nope' not found");
    }

    @Test
    void becomesRunningOnlyOnceUpForStartSecs() {
        ChildSupervisor supervisor = supervisor(POLICY.withStartSecs(Duration.ofSeconds(5)));
        CompletionStage<ChildCommandResult> start = supervisor.start();

        time.advance(Duration.ofMillis(4999));
        assertThat(supervisor.status().state()).isEqualTo(STARTING);
        assertThat(start.toCompletableFuture()).isNotDone();

        time.advance(Duration.ofMillis(1));
        assertThat(supervisor.status().state()).isEqualTo(RUNNING);
        assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(transitions.of(CHILD)).containsExactly("STOPPED>STARTING", "STARTING>RUNNING");
    }

    @Test
    void resetsTheAttemptsOnceRunning() {
        ChildSupervisor supervisor = supervisor(POLICY.withAutorestart(AutoRestart.TRUE));
        runtime.crashingWith(1);
        supervisor.start();
        time.advance(Duration.ofMillis(1500)); // two failed attempts, the third is starting
        runtime.healthy();
        time.advance(Duration.ofSeconds(2));
        time.advance(Duration.ofSeconds(1));
        assertThat(supervisor.status().state()).isEqualTo(RUNNING);
        assertThat(supervisor.status().attempt()).isEqualTo(3);

        runtime.last().exit(1);
        time.runPending();

        assertThat(supervisor.status().state()).isEqualTo(STARTING);
        assertThat(supervisor.status().attempt()).isEqualTo(1);
    }

    @Test
    void leavesAnExpectedExitAloneUnderAutorestartUnexpected() {
        ChildSupervisor supervisor = in(RUNNING);

        runtime.last().exit(0);
        time.advance(Duration.ofSeconds(60));

        assertThat(transitions.of(CHILD)).containsExactly("RUNNING>EXITED");
        assertThat(transitions.last().exitCode()).isEqualTo(0);
        assertThat(supervisor.status().state()).isEqualTo(EXITED);
        assertThat(supervisor.status().exitCode()).isEqualTo(0);
    }

    @Test
    void restartsAnUnexpectedExitUnderAutorestartUnexpected() {
        ChildSupervisor supervisor = supervisor(POLICY.withExitCodes(Set.of(0, 2)));
        supervisor.start();
        time.advance(Duration.ofSeconds(1));

        runtime.last().exit(3);
        time.advance(Duration.ofSeconds(1));

        assertThat(transitions.of(CHILD)).containsExactly("STOPPED>STARTING", "STARTING>RUNNING",
                "RUNNING>EXITED", "EXITED>STARTING", "STARTING>RUNNING");
        assertThat(supervisor.status().restarts()).isEqualTo(1);
        assertThat(runtime.started).hasSize(2);
    }

    @Test
    void treatsEveryConfiguredExitCodeAsExpected() {
        ChildSupervisor supervisor = supervisor(POLICY.withExitCodes(Set.of(0, 2)));
        supervisor.start();
        time.advance(Duration.ofSeconds(1));

        runtime.last().exit(2);
        time.advance(Duration.ofSeconds(5));

        assertThat(supervisor.status().state()).isEqualTo(EXITED);
    }

    @Test
    void restartsEvenAnExpectedExitUnderAutorestartTrue() {
        ChildSupervisor supervisor = supervisor(POLICY.withAutorestart(AutoRestart.TRUE));
        supervisor.start();
        time.advance(Duration.ofSeconds(1));

        runtime.last().exit(0);
        time.runPending();

        assertThat(transitions.statesOf(CHILD)).containsExactly(STARTING, RUNNING, EXITED, STARTING);
    }

    @Test
    void neverRestartsUnderAutorestartFalse() {
        ChildSupervisor supervisor = supervisor(POLICY.withAutorestart(AutoRestart.FALSE));
        supervisor.start();
        time.advance(Duration.ofSeconds(1));

        runtime.last().exit(1);
        time.advance(Duration.ofSeconds(60));

        assertThat(transitions.statesOf(CHILD)).containsExactly(STARTING, RUNNING, EXITED);
        assertThat(runtime.started).hasSize(1);
    }

    @Test
    void keepsAFatalChildFatalUntilStartedByHand() {
        ChildSupervisor supervisor = in(FATAL);

        time.advance(Duration.ofHours(1));
        assertThat(transitions.events).isEmpty();
        assertThat(supervisor.status().state()).isEqualTo(FATAL);

        CompletionStage<ChildCommandResult> start = supervisor.start();
        time.advance(Duration.ofSeconds(1));
        assertThat(transitions.of(CHILD)).containsExactly("FATAL>STARTING", "STARTING>RUNNING");
        assertThat(transitions.events.getFirst().attempt()).isEqualTo(1);
        assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
    }

    @Test
    void killsAChildThatOutlivesStopWait() {
        ChildSupervisor supervisor = supervisor(POLICY.withStopWait(Duration.ofSeconds(3)).withStopSignal("INT"));
        runtime.ignoringStopSignal();
        supervisor.start();
        time.advance(Duration.ofSeconds(1));

        CompletionStage<ChildCommandResult> stop = supervisor.stop();
        time.advance(Duration.ofMillis(2999));
        assertThat(runtime.last().signals).containsExactly("INT");
        assertThat(runtime.last().killed).isFalse();
        assertThat(supervisor.status().state()).isEqualTo(STOPPING);

        time.advance(Duration.ofMillis(1));
        assertThat(runtime.last().killed).isTrue();
        assertThat(supervisor.status().state()).isEqualTo(STOPPED);
        assertThat(transitions.last().exitCode()).isEqualTo(137);
        assertThat(stop.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
    }

    @Test
    void marksAnInstanceTheRuntimeLostTrackOfAsUnknown() {
        ChildSupervisor supervisor = in(RUNNING);

        runtime.last().lose(new IllegalStateException("engine gone"));
        time.runPending();

        assertThat(transitions.of(CHILD)).containsExactly("RUNNING>UNKNOWN");
        assertThat(supervisor.status().state()).isEqualTo(UNKNOWN);
    }

    @Test
    void adoptsALeftoverAsStarting() {
        ChildSupervisor supervisor = supervisor(POLICY);
        FakeRuntime.FakeChild leftover = new FakeRuntime.FakeChild(CHILD, 77, false);

        supervisor.adopt(leftover);
        time.advance(Duration.ofSeconds(1));

        assertThat(transitions.of(CHILD)).containsExactly("STOPPED>STARTING", "STARTING>RUNNING");
        assertThat(supervisor.status().pid()).isEqualTo(77L);
        assertThat(runtime.started).isEmpty();
    }

    @Test
    void showsTheInstanceAndCountersInItsStatus() {
        ChildSupervisor supervisor = in(RUNNING);
        assertThat(supervisor.status().pid()).isEqualTo(runtime.last().pid().getAsLong());
        assertThat(supervisor.status().attempt()).isEqualTo(1);
        assertThat(supervisor.status().counter()).isEqualTo(2);
        assertThat(supervisor.status().since()).isEqualTo(time.now());

        runtime.last().exit(1);
        time.runPending();

        assertThat(supervisor.status().restarts()).isEqualTo(1);
        assertThat(supervisor.status().exitCode()).isEqualTo(1);
        assertThat(supervisor.status().counter()).isEqualTo(4);
    }

    @Test
    void ignoresReportsAboutAnInstanceItAlreadyLetGo() {
        ChildSupervisor supervisor = in(RUNNING);
        FakeRuntime.FakeChild first = runtime.last();
        supervisor.restart();
        time.advance(Duration.ofSeconds(1));
        transitions.clear();

        first.exit(5); // already exited with 143; a second report changes nothing
        time.runPending();

        assertThat(transitions.events).isEmpty();
        assertThat(supervisor.status().state()).isEqualTo(RUNNING);
    }

    @Nested
    class Stop {
        @Test
        void stopsARunningChildWithItsStopSignal() {
            ChildSupervisor supervisor = in(RUNNING);
            ChildCommandResult result = now(supervisor.stop());
            assertThat(transitions.of(CHILD)).containsExactly("RUNNING>STOPPING", "STOPPING>STOPPED");
            assertThat(transitions.last().exitCode()).isEqualTo(143);
            assertThat(runtime.last().signals).containsExactly("TERM");
            assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        }

        @Test
        void stopsAStartingChildAndFailsItsStart() {
            ChildSupervisor supervisor = supervisor(POLICY);
            CompletionStage<ChildCommandResult> start = supervisor.start();
            time.runPending();
            ChildCommandResult result = now(supervisor.stop());
            assertThat(transitions.of(CHILD)).containsExactly("STOPPED>STARTING", "STARTING>STOPPING",
                    "STOPPING>STOPPED");
            assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
            assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.FAILED);
        }

        @Test
        void stopsABackingOffChildAtOnceAndRetriesNoMore() {
            ChildSupervisor supervisor = in(BACKOFF);
            ChildCommandResult result = now(supervisor.stop());
            time.advance(Duration.ofSeconds(60));
            assertThat(transitions.of(CHILD)).containsExactly("BACKOFF>STOPPED");
            assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
            assertThat(runtime.started).hasSize(1);
        }

        @Test
        void joinsAStopUnderWay() {
            ChildSupervisor supervisor = in(STOPPING);
            CompletionStage<ChildCommandResult> stop = supervisor.stop();
            time.runPending();
            assertThat(stop.toCompletableFuture()).isNotDone();
            runtime.last().exit(0);
            time.runPending();
            assertThat(stop.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
            assertThat(transitions.of(CHILD)).containsExactly("STOPPING>STOPPED");
        }

        @Test
        void refusesToStopAChildThatIsNotRunning() {
            for (SupervisorState state : List.of(STOPPED, EXITED, FATAL)) {
                ChildSupervisor supervisor = in(state);
                ChildCommandResult result = now(supervisor.stop());
                assertThat(result.outcome()).as(state.name()).isEqualTo(CommandOutcome.REJECTED);
                assertThat(result.message()).contains("'web' is not running (" + state + ")");
                assertThat(transitions.events).isEmpty();
            }
        }

        @Test
        void killsWhatMayRemainOfAnUnknownInstance() {
            ChildSupervisor supervisor = in(UNKNOWN);
            ChildCommandResult result = now(supervisor.stop());
            assertThat(transitions.of(CHILD)).containsExactly("UNKNOWN>STOPPED");
            assertThat(runtime.last().killed).isTrue();
            assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        }
    }

    @Nested
    class Start {
        @Test
        void startsAChildFromEveryStoppedState() {
            for (SupervisorState state : List.of(STOPPED, EXITED, FATAL)) {
                ChildSupervisor supervisor = in(state);
                CompletionStage<ChildCommandResult> start = supervisor.start();
                time.advance(Duration.ofSeconds(1));
                assertThat(transitions.of(CHILD)).as(state.name())
                        .containsExactly(state + ">STARTING", "STARTING>RUNNING");
                assertThat(start.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
            }
        }

        @Test
        void refusesToStartAChildThatIsAlreadyStarted() {
            for (SupervisorState state : List.of(STARTING, RUNNING, BACKOFF)) {
                ChildSupervisor supervisor = in(state);
                ChildCommandResult result = now(supervisor.start());
                assertThat(result.outcome()).as(state.name()).isEqualTo(CommandOutcome.REJECTED);
                assertThat(result.message()).contains("already started (" + state + ")");
            }
        }

        @Test
        void refusesToStartAStoppingChild() {
            ChildCommandResult result = now(in(STOPPING).start());
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.message()).contains("is stopping");
        }

        @Test
        void refusesToStartAChildInUnknownState() {
            ChildCommandResult result = now(in(UNKNOWN).start());
            assertThat(result.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(result.message()).contains("unknown");
        }
    }

    @Nested
    class Restart {
        @Test
        void stopsThenStartsARunningChild() {
            ChildSupervisor supervisor = in(RUNNING);
            CompletionStage<ChildCommandResult> restart = supervisor.restart();
            time.runPending();
            assertThat(restart.toCompletableFuture()).isNotDone();
            time.advance(Duration.ofSeconds(1));
            assertThat(transitions.of(CHILD)).containsExactly("RUNNING>STOPPING", "STOPPING>STOPPED",
                    "STOPPED>STARTING", "STARTING>RUNNING");
            assertThat(restart.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
            assertThat(runtime.started).hasSize(2);
        }

        @Test
        void stopsThenStartsAStartingChild() {
            ChildSupervisor supervisor = in(STARTING);
            supervisor.restart();
            time.advance(Duration.ofSeconds(1));
            assertThat(transitions.of(CHILD)).containsExactly("STARTING>STOPPING", "STOPPING>STOPPED",
                    "STOPPED>STARTING", "STARTING>RUNNING");
        }

        @Test
        void startsAStoppingChildOnceItHasStopped() {
            ChildSupervisor supervisor = in(STOPPING);
            CompletionStage<ChildCommandResult> restart = supervisor.restart();
            time.runPending();
            runtime.last().kill();
            time.advance(Duration.ofSeconds(1));
            assertThat(transitions.of(CHILD)).containsExactly("STOPPING>STOPPED", "STOPPED>STARTING",
                    "STARTING>RUNNING");
            assertThat(restart.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
        }

        @Test
        void dropsAPendingRestartWhenToldToStop() {
            ChildSupervisor supervisor = in(STOPPING);
            CompletionStage<ChildCommandResult> restart = supervisor.restart();
            CompletionStage<ChildCommandResult> stop = supervisor.stop();
            time.runPending();
            runtime.last().kill();
            time.advance(Duration.ofSeconds(5));
            assertThat(transitions.of(CHILD)).containsExactly("STOPPING>STOPPED");
            assertThat(restart.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(stop.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
        }

        @Test
        void restartsABackingOffChildWithFreshAttempts() {
            ChildSupervisor supervisor = in(BACKOFF);
            CompletionStage<ChildCommandResult> restart = supervisor.restart();
            time.advance(Duration.ofSeconds(1));
            assertThat(transitions.of(CHILD)).containsExactly("BACKOFF>STOPPED", "STOPPED>STARTING",
                    "STARTING>RUNNING");
            assertThat(transitions.events).extracting(SupervisorStateChanged::attempt).containsExactly(1, 1, 1);
            assertThat(restart.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
        }

        @Test
        void startsAChildFromEveryStoppedState() {
            for (SupervisorState state : List.of(STOPPED, EXITED, FATAL)) {
                ChildSupervisor supervisor = in(state);
                CompletionStage<ChildCommandResult> restart = supervisor.restart();
                time.advance(Duration.ofSeconds(1));
                assertThat(transitions.of(CHILD)).as(state.name())
                        .containsExactly(state + ">STARTING", "STARTING>RUNNING");
                assertThat(restart.toCompletableFuture().join().outcome()).isEqualTo(CommandOutcome.OK);
            }
        }

        @Test
        void replacesAnUnknownInstance() {
            ChildSupervisor supervisor = in(UNKNOWN);
            FakeRuntime.FakeChild lost = runtime.last();
            supervisor.restart();
            time.advance(Duration.ofSeconds(1));
            assertThat(lost.killed).isTrue();
            assertThat(transitions.of(CHILD)).containsExactly("UNKNOWN>STOPPED", "STOPPED>STARTING",
                    "STARTING>RUNNING");
        }
    }

    @Nested
    class Shutdown {
        @Test
        void stopsTheChildAndRefusesLaterStarts() {
            ChildSupervisor supervisor = in(RUNNING);
            ChildCommandResult down = now(supervisor.shutdown());
            ChildCommandResult start = now(supervisor.start());
            assertThat(down.outcome()).isEqualTo(CommandOutcome.OK);
            assertThat(start.outcome()).isEqualTo(CommandOutcome.REJECTED);
            assertThat(transitions.of(CHILD)).containsExactly("RUNNING>STOPPING", "STOPPING>STOPPED");
        }

        @Test
        void doesNotRestartAChildThatExitsWhileShuttingDown() {
            ChildSupervisor supervisor = in(STOPPING);
            supervisor.shutdown();
            time.runPending();
            runtime.last().exit(1);
            time.advance(Duration.ofSeconds(5));
            assertThat(transitions.of(CHILD)).containsExactly("STOPPING>STOPPED");
        }
    }
}
