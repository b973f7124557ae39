package io.serfnode.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.runtime.ChildExit;
import io.serfnode.agent.runtime.ChildRuntimeException;
import io.serfnode.agent.runtime.RunningChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessRuntimeIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path stateDir;
    @TempDir
    Path scripts;

    private final TrackedProcesses processes = new TrackedProcesses();
    private ProcessRuntime runtime;
    private ProcessRuntime laterRuntime;

    @AfterEach
    void endEverything() {
        processes.close();
        if (runtime != null) {
            runtime.close();
        }
        if (laterRuntime != null) {
            laterRuntime.close();
        }
    }

    private ProcessRuntime runtime(ProcessRuntimeConfig config) {
        runtime = new ProcessRuntime("m1", config);
        return runtime;
    }

    private Path script(String name, String body) throws IOException {
        Path file = scripts.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private RunningChild start(ProcessRuntime on, ChildSpec spec) throws ChildRuntimeException {
        RunningChild child = on.start(spec);
        processes.track(child.pid().orElseThrow());
        return child;
    }

    private static ChildExit exitOf(RunningChild child) throws Exception {
        return child.onExit().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void runsTheChildInItsOwnProcessGroupWithItsEnvironmentAndWorkingDirectory() throws Exception {
        Path program = script("env.sh", "echo \"$GREETING from $(pwd)\"; echo oops >&2; exit 4");
        ChildSpec spec = ChildSpec.process("greeter", List.of(program.toString()))
                .withEnvironment(Map.of("GREETING", "hello"));

        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)), spec);
        ChildExit exit = exitOf(child);

        assertThat(exit.exitCode()).isEqualTo(4);
        Path workingDir = stateDir.resolve("children/greeter");
        assertThat(stateDir.resolve("logs/greeter.stdout.log")).hasContent("hello from " + workingDir.toRealPath());
        assertThat(stateDir.resolve("logs/greeter.stderr.log")).hasContent("oops");
    }

    @Test
    void makesEachChildTheLeaderOfItsOwnProcessGroup() throws Exception {
        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)),
                ChildSpec.process("sleeper", List.of("sleep", "1000")));
        long pid = child.pid().orElseThrow();

        assertThat(ProcStat.of(pid)).hasValueSatisfying(stat -> assertThat(stat.pgid()).isEqualTo(pid));
        assertThat(ProcStat.of(pid).orElseThrow().pgid()).isNotEqualTo(ProcStat.of(ProcessHandle.current().pid())
                .orElseThrow().pgid());
        child.kill();
        assertThat(exitOf(child).exitCode()).isEqualTo(137);
    }

    @ParameterizedTest
    @EnumSource(value = UnixSignal.class, names = {"HUP", "INT", "QUIT", "TERM", "USR1", "USR2", "KILL"})
    void reportsASignalledChildAs128PlusTheSignalNumber(UnixSignal signal) throws Exception {
        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)),
                ChildSpec.process("sleeper", List.of("sleep", "1000")));

        child.signal(signal.name());

        assertThat(exitOf(child).exitCode()).isEqualTo(128 + signal.number());
    }

    @Test
    void signalsTheWholeTreeIncludingGrandchildren() throws Exception {
        Path program = script("tree.sh", "sleep 1000 &\necho $! > grandchild.pid\nwait");
        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)),
                ChildSpec.process("tree", List.of(program.toString())));
        Path pidFile = stateDir.resolve("children/tree/grandchild.pid");
        await().atMost(PATIENCE).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long grandchild = processes.trackFromFile(pidFile);
        assertThat(TrackedProcesses.isAlive(grandchild)).isTrue();

        child.signal("TERM");

        assertThat(exitOf(child).exitCode()).isEqualTo(143);
        await().atMost(PATIENCE).until(() -> !TrackedProcesses.isAlive(grandchild));
    }

    @Test
    void endsWhatAChildLeftInItsGroupWhenItExits() throws Exception {
        Path program = script("orphaning.sh", "sleep 1000 &\necho $! > grandchild.pid\nexit 0");
        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)),
                ChildSpec.process("orphaning", List.of(program.toString())));

        assertThat(exitOf(child).exitCode()).isZero();
        long grandchild = processes.trackFromFile(stateDir.resolve("children/orphaning/grandchild.pid"));
        await().atMost(PATIENCE).until(() -> !TrackedProcesses.isAlive(grandchild));
    }

    @Test
    void rotatesTheLogFilesBySize() throws Exception {
        Path program = script("chatty.sh", """
                i=0
                while [ $i -lt 100 ]; do
                  echo "line $i of a chatty child, padded to about fifty"
                  i=$((i+1))
                done""");
        ProcessRuntimeConfig config = ProcessRuntimeConfig.in(stateDir).withLogs(new LogRotation(1000, 2));
        RunningChild child = start(runtime(config), ChildSpec.process("chatty", List.of(program.toString())));

        assertThat(exitOf(child).exitCode()).isZero();

        Path logs = stateDir.resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chatty.stdout")))
                    .containsExactlyInAnyOrder("chatty.stdout.log", "chatty.stdout.log.1", "chatty.stdout.log.2");
        }
        for (String name : List.of("chatty.stdout.log", "chatty.stdout.log.1", "chatty.stdout.log.2")) {
            assertThat(Files.size(logs.resolve(name))).as(name).isBetween(1L, 1000L);
        }
        assertThat(Files.readString(logs.resolve("chatty.stdout.log"))).endsWith("line 99 of a chatty child, "
                + "padded to about fifty\n");
        assertThat(Files.size(logs.resolve("chatty.stdout.log.1"))).isEqualTo(1000);
    }

    @Test
    void refusesAProgramThatDoesNotExist() {
        ProcessRuntime processRuntime = runtime(ProcessRuntimeConfig.in(stateDir));
        assertThatThrownBy(() -> processRuntime.start(ChildSpec.process("ghost", List.of("no-such-program-xyz"))))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("child 'ghost'")
                .hasMessageContaining("'no-such-program-xyz' was not found");
    }

    @Test
    void refusesAProgramThatIsNotExecutable() throws IOException {
        Path file = scripts.resolve("plain.sh");
        Files.writeString(file, "echo hi\n");
        ProcessRuntime processRuntime = runtime(ProcessRuntimeConfig.in(stateDir));
        assertThatThrownBy(() -> processRuntime.start(ChildSpec.process("plain", List.of(file.toString()))))
                .isInstanceOf(ChildRuntimeException.class)
                .hasMessageContaining("is not executable");
    }

    @Test
    void endsTheLeftoversOfACrashedAgentWithTheirWholeGroup() throws Exception {
        Path program = script("tree.sh", "sleep 1000 &\necho $! > grandchild.pid\nwait");
        // the first agent "crashes": it never stops its child nor closes its runtime
        RunningChild child = start(runtime(ProcessRuntimeConfig.in(stateDir)),
                ChildSpec.process("tree", List.of(program.toString())));
        long pid = child.pid().orElseThrow();
        Path pidFile = stateDir.resolve("children/tree/grandchild.pid");
        await().atMost(PATIENCE).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long grandchild = processes.trackFromFile(pidFile);
        assertThat(stateDir.resolve("process-runtime/tree.instance")).exists();

        laterRuntime = new ProcessRuntime("m1", ProcessRuntimeConfig.in(stateDir));
        List<RunningChild> leftovers = laterRuntime.findLeftovers("m1", List.of());

        assertThat(leftovers).isEmpty();
        await().atMost(PATIENCE).until(() -> !TrackedProcesses.isAlive(pid) && !TrackedProcesses.isAlive(grandchild));
        assertThat(exitOf(child).exitCode()).isEqualTo(143);
        assertThat(stateDir.resolve("process-runtime/tree.instance")).doesNotExist();
    }

    @Test
    void neverTouchesAProcessThatMerelyReusesARecordedPid() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "1000").start();
        processes.track(stranger.pid());
        ProcStat stat = ProcStat.of(stranger.pid()).orElseThrow();
        new InstanceRecords(stateDir.resolve("process-runtime")).write(new InstanceRecord("old", stranger.pid(),
                stat.startTicks() - 1, ProcStat.bootId(), UnixSignal.TERM, Duration.ofSeconds(1)));

        runtime(ProcessRuntimeConfig.in(stateDir)).findLeftovers("m1", List.of());

        assertThat(stranger.isAlive()).isTrue();
        assertThat(stateDir.resolve("process-runtime/old.instance")).doesNotExist();
    }
}
