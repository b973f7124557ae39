package io.serfnode.agent.supervisor;

import static io.serfnode.model.SupervisorState.EXITED;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.RUNNING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.runtime.process.ProcessRuntime;
import io.serfnode.agent.runtime.process.ProcessRuntimeConfig;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** supervisord's rules applied to real processes, on real time. */
class ProcessSupervisionIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path stateDir;
    @TempDir
    Path scripts;

    private final TrackedProcesses processes = new TrackedProcesses();
    private final RecordedTransitions transitions = new RecordedTransitions();
    private ProcessRuntime runtime;
    private ChildrenSupervisor supervisor;

    @BeforeEach
    void runtime() {
        runtime = new ProcessRuntime("m1", ProcessRuntimeConfig.in(stateDir));
    }

    @AfterEach
    void endEverything() {
        try {
            if (supervisor != null) {
                supervisor.close();
            }
            runtime.close();
        } finally {
            processes.close();
        }
    }

    private Path script(String name, String body) throws IOException {
        Path file = scripts.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ChildrenSupervisor supervise(ChildSpec... children) throws IOException {
        supervisor = ChildrenSupervisor.open("m1", stateDir, List.of(children),
                Map.of(RuntimeKind.PROCESS, new TrackingRuntime(runtime, processes)));
        supervisor.subscribe(transitions);
        return supervisor;
    }

    private void awaitState(String child, SupervisorState state) {
        await().atMost(PATIENCE).until(() -> supervisor.status(child).orElseThrow().state() == state);
    }

    private Path workingDirOf(String child) {
        return stateDir.resolve("children").resolve(child);
    }

    @Test
    void bringsACrashingChildToFatalThroughBackoff() throws IOException {
        Path program = script("crash.sh", "echo starting; exit 3");
        supervise(ChildSpec.process("crasher", List.of(program.toString())).withSupervision(
                SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofSeconds(1)).withStartRetries(2)));

        supervisor.start("crasher");
        awaitState("crasher", FATAL);

        assertThat(transitions.of("crasher")).containsExactly(
                "STOPPED>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF",
                "BACKOFF>STARTING", "STARTING>BACKOFF",
                "BACKOFF>FATAL");
        assertThat(transitions.events).extracting(SupervisorStateChanged::attempt).containsExactly(1, 1, 2, 2, 3, 3, 3);
        assertThat(transitions.events).extracting(SupervisorStateChanged::exitCode)
                .containsExactly(null, 3, null, 3, null, 3, null);
        assertThat(transitions.events).extracting(SupervisorStateChanged::counter)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        // retries wait at least 1 s, then 2 s, after the failure before them
        List<SupervisorStateChanged> events = transitions.events;
        assertThat(Duration.between(events.get(1).time(), events.get(2).time())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(events.get(3).time(), events.get(4).time())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(stateDir.resolve("logs/crasher.stdout.log")).hasContent("starting\nstarting\nstarting");
    }

    @Test
    void leavesAChildThatExitedWithAnExpectedCodeExited() throws IOException {
        Path program = script("done.sh", "while [ ! -e finish ]; do sleep 0.1; done\nexit 0");
        supervise(ChildSpec.process("job", List.of(program.toString())).withSupervision(
                SupervisionPolicy.DEFAULTS.withAutorestart(AutoRestart.UNEXPECTED)
                        .withStartSecs(Duration.ofMillis(200))));
        supervisor.start("job");
        awaitState("job", RUNNING);

        Files.createFile(workingDirOf("job").resolve("finish"));
        awaitState("job", EXITED);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> supervisor.status("job").orElseThrow().state() == EXITED);
        assertThat(transitions.of("job")).containsExactly("STOPPED>STARTING", "STARTING>RUNNING", "RUNNING>EXITED");
        assertThat(transitions.last().exitCode()).isZero();
    }

    @Test
    void restartsAChildThatExitedWithAnUnexpectedCode() throws IOException {
        Path program = script("fail.sh", "while [ ! -e finish ]; do sleep 0.1; done\nrm finish\nexit 9");
        supervise(ChildSpec.process("job", List.of(program.toString())).withSupervision(
                SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofMillis(200))));
        supervisor.start("job");
        awaitState("job", RUNNING);

        Files.createFile(workingDirOf("job").resolve("finish"));

        await().atMost(PATIENCE).until(() -> transitions.of("job").size() == 5);
        assertThat(transitions.of("job")).containsExactly("STOPPED>STARTING", "STARTING>RUNNING",
                "RUNNING>EXITED", "EXITED>STARTING", "STARTING>RUNNING");
        assertThat(supervisor.status("job").orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void stopEndsTheWholeProcessTree() throws Exception {
        Path program = script("tree.sh", "sleep 1000 &\necho $! > grandchild.pid\nwait");
        supervise(ChildSpec.process("tree", List.of(program.toString())).withSupervision(
                SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofMillis(200))));
        supervisor.start("tree");
        awaitState("tree", RUNNING);
        Path pidFile = workingDirOf("tree").resolve("grandchild.pid");
        await().atMost(PATIENCE).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long grandchild = processes.trackFromFile(pidFile);
        long child = supervisor.status("tree").orElseThrow().pid();

        ChildCommandResult result = supervisor.stop("tree").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        assertThat(transitions.of("tree")).endsWith("RUNNING>STOPPING", "STOPPING>STOPPED");
        assertThat(transitions.last().exitCode()).isEqualTo(143);
        await().atMost(PATIENCE).until(() -> !TrackedProcesses.isAlive(grandchild) && !TrackedProcesses.isAlive(child));
    }

    @Test
    void killsAChildThatIgnoresItsStopSignalAfterStopWait() throws Exception {
        Path program = script("stubborn.sh", "trap '' TERM\necho ready > ready\nwhile :; do sleep 0.2; done");
        supervise(ChildSpec.process("stubborn", List.of(program.toString())).withSupervision(
                SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofMillis(200)).withStopWait(Duration.ofSeconds(1))));
        supervisor.start("stubborn");
        awaitState("stubborn", RUNNING);
        await().atMost(PATIENCE).until(() -> Files.exists(workingDirOf("stubborn").resolve("ready")));
        long child = supervisor.status("stubborn").orElseThrow().pid();

        ChildCommandResult result = supervisor.stop("stubborn").toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(CommandOutcome.OK);
        List<SupervisorStateChanged> stopping = transitions.events.subList(transitions.events.size() - 2,
                transitions.events.size());
        assertThat(stopping).extracting(e -> e.from() + ">" + e.to())
                .containsExactly("RUNNING>STOPPING", "STOPPING>STOPPED");
        assertThat(stopping.get(1).exitCode()).isEqualTo(137);
        assertThat(Duration.between(stopping.get(0).time(), stopping.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(TrackedProcesses.isAlive(child)).isFalse();
    }

    @Test
    void startsChildrenTogetherAndStopsThemInReverse() throws Exception {
        Path program = script("idle.sh", "exec sleep 1000");
        SupervisionPolicy quick = SupervisionPolicy.DEFAULTS.withStartSecs(Duration.ofMillis(200));
        supervise(ChildSpec.process("first", List.of(program.toString())).withSupervision(quick),
                ChildSpec.process("second", List.of(program.toString())).withSupervision(quick));

        List<ChildCommandResult> started = supervisor.startAll().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(started).allMatch(ChildCommandResult::isOk);
        List<ChildCommandResult> stopped = supervisor.stopAll().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(stopped).allMatch(ChildCommandResult::isOk);

        List<String> steps = transitions.events.stream().map(e -> e.child() + ":" + e.to()).toList();
        // both start together (each in its own order), then stop one after the other in reverse
        assertThat(steps.subList(0, 4)).containsExactlyInAnyOrder(
                "first:STARTING", "first:RUNNING", "second:STARTING", "second:RUNNING");
        assertThat(steps.subList(0, 4)).containsSubsequence("first:STARTING", "first:RUNNING")
                .containsSubsequence("second:STARTING", "second:RUNNING");
        assertThat(steps.subList(4, steps.size())).containsExactly(
                "second:STOPPING", "second:STOPPED", "first:STOPPING", "first:STOPPED");
        assertThat(supervisor.snapshot()).allMatch(c -> c.status().state() == STOPPED);
    }
}
