package io.serfnode.agent.devif;

import static io.serfnode.agent.devif.Views.plain;
import static io.serfnode.agent.devif.Views.serfnode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.devif.HandlerOutcome.Result;
import io.serfnode.agent.serf.rpc.MemberEventType;
import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventHandlersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MEMBER = "alpha";

    @TempDir
    Path stateDir;

    private final List<HandlerOutcome> failures = new CopyOnWriteArrayList<>();
    private final List<HandlerOutcome> successes = new CopyOnWriteArrayList<>();
    private final HandlerListener listener = new HandlerListener() {
        @Override
        public void onFailed(HandlerOutcome outcome) {
            failures.add(outcome);
        }

        @Override
        public void onSucceeded(HandlerOutcome outcome) {
            successes.add(outcome);
        }
    };
    private EventHandlers handlers;

    @BeforeEach
    void createHandlersDir() throws IOException {
        Files.createDirectories(stateDir.resolve("handlers"));
    }

    @AfterEach
    void closeAndKillLeftovers() throws IOException {
        if (handlers != null) {
            handlers.close();
        }
        // processes the handler scripts started record their PIDs in *.pid files
        try (Stream<Path> files = Files.list(stateDir)) {
            for (Path pidFile : files.filter(path -> path.toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void givesTheHandlerThePayloadOnStdinAndTheEventInItsEnvironment() throws Exception {
        handler("deploy", """
                #!/bin/sh
                cat > payload.out
                printf '%s\\n' "$SERFNODE_EVENT" "$SERFNODE_MEMBER" "$SERFNODE_STATE_DIR" "$SERF_EVENT" \
                    "$SERF_USER_EVENT" "$SERF_SELF_NAME" "$(pwd)" > env.out
                """);
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        HandlerOutcome outcome = handlers.onUserEvent("deploy", bytes("{\"version\":\"1.2\"}")).get(20, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(Files.readString(stateDir.resolve("payload.out"))).isEqualTo("{\"version\":\"1.2\"}\n");
        String realStateDir = stateDir.toRealPath().toString();
        assertThat(Files.readAllLines(stateDir.resolve("env.out"))).containsExactly(
                "deploy", MEMBER, stateDir.toAbsolutePath().toString(), "user", "deploy", MEMBER, realStateDir);
        assertThat(successes).containsExactly(outcome);
        assertThat(failures).isEmpty();
    }

    @Test
    void doesNothingWhenThereIsNoHandler() throws Exception {
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        CompletableFuture<HandlerOutcome> outcome = handlers.onUserEvent("nobody-listens", bytes("{}"));

        assertThat(outcome).isDone();
        assertThat(outcome.get().result()).isEqualTo(Result.NO_HANDLER);
        assertThat(failures).isEmpty();
        assertThat(successes).isEmpty();
    }

    @Test
    void reportsAFailingHandlerWithItsExitCode() throws Exception {
        handler("broken", "#!/bin/sh\necho 'something went wrong' >&2\nexit 3\n");
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        HandlerOutcome outcome = handlers.onUserEvent("broken", new byte[0]).get(20, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.detail()).contains("exited with code 3");
        assertThat(failures).containsExactly(outcome);
    }

    @Test
    void killsAHangingHandlerAndWhatItStartedAtTheTimeout() throws Exception {
        handler("hangs", """
                #!/bin/sh
                sleep 300 &
                echo $! > sleeper.pid
                wait
                """);
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir).withTimeout(Duration.ofSeconds(1)));

        HandlerOutcome outcome = handlers.onUserEvent("hangs", new byte[0]).get(20, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(outcome.exitCode()).isNull();
        assertThat(failures).containsExactly(outcome);
        long sleeper = Long.parseLong(Files.readString(stateDir.resolve("sleeper.pid")).strip());
        await().atMost(WAIT).until(() -> ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false) == false);
    }

    @Test
    void givesMembershipHandlersOneLinePerMemberAsSerfDoes() throws Exception {
        handler("member-join", "#!/bin/sh\ncat > members.out\necho \"$SERF_EVENT $SERFNODE_EVENT\" > env.out\n");
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        HandlerOutcome outcome = handlers.onMemberEvent(MemberEventType.MEMBER_JOIN,
                List.of(serfnode("beta", "127.0.0.12", "web db", "17"), plain("gamma", "127.0.0.13"))).get(20, TimeUnit.SECONDS);

        assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(Files.readString(stateDir.resolve("members.out"))).isEqualTo(
                "beta\t127.0.0.12\tweb db\trole=web db,timestamp=17,ws=127.0.0.12:8080\n"
                        + "gamma\t127.0.0.13\t\t\n");
        assertThat(Files.readString(stateDir.resolve("env.out"))).isEqualTo("member-join member-join\n");
    }

    @Test
    void reportsAHandlerFileThatIsNotExecutable() throws Exception {
        Files.writeString(stateDir.resolve("handlers").resolve("forgot-chmod"), "#!/bin/sh\nexit 0\n");
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        HandlerOutcome outcome = handlers.onUserEvent("forgot-chmod", new byte[0]).get();

        assertThat(outcome.result()).isEqualTo(Result.NOT_RUNNABLE);
        assertThat(outcome.detail()).contains("not an executable file");
        assertThat(failures).containsExactly(outcome);
    }

    @Test
    void neverLooksOutsideTheHandlersDirectory() throws Exception {
        Files.writeString(stateDir.resolve("outside"), "#!/bin/sh\ntouch ran.out\n");
        Files.setPosixFilePermissions(stateDir.resolve("outside"), PosixFilePermissions.fromString("rwx------"));
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir));

        HandlerOutcome outcome = handlers.onUserEvent("../outside", new byte[0]).get();

        assertThat(outcome.result()).isEqualTo(Result.NOT_RUNNABLE);
        assertThat(outcome.detail()).contains("'/' or '..'");
        assertThat(stateDir.resolve("ran.out")).doesNotExist();
    }

    @Test
    void neverBlocksTheCallerAndRefusesWhenTheQueueIsFull() throws Exception {
        handler("slow", """
                #!/bin/sh
                echo $$ > "started-$(cat).pid"
                while [ ! -f release ]; do sleep 0.05; done
                """);
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir).withConcurrency(1).withQueueCapacity(1));

        CompletableFuture<HandlerOutcome> running = handlers.onUserEvent("slow", bytes("1"));
        await().atMost(WAIT).until(() -> Files.exists(stateDir.resolve("started-1.pid")));
        CompletableFuture<HandlerOutcome> waiting = handlers.onUserEvent("slow", bytes("2"));
        CompletableFuture<HandlerOutcome> refused = handlers.onUserEvent("slow", bytes("3"));

        assertThat(running).isNotDone();
        assertThat(waiting).isNotDone();
        assertThat(refused).isDone();
        assertThat(refused.get().result()).isEqualTo(Result.REFUSED);

        Files.writeString(stateDir.resolve("release"), "go");
        assertThat(running.get(20, TimeUnit.SECONDS).result()).isEqualTo(Result.SUCCEEDED);
        assertThat(waiting.get(20, TimeUnit.SECONDS).result()).isEqualTo(Result.SUCCEEDED);
        assertThat(failures).extracting(HandlerOutcome::result).containsExactly(Result.REFUSED);
    }

    @Test
    void closingKillsRunningHandlersAndCancelsWaitingOnes() throws Exception {
        handler("slow", """
                #!/bin/sh
                echo $$ > "started-$(cat).pid"
                exec sleep 300
                """);
        handlers = handlers(EventHandlersConfig.inStateDir(stateDir).withConcurrency(1));
        CompletableFuture<HandlerOutcome> running = handlers.onUserEvent("slow", bytes("1"));
        await().atMost(WAIT).until(() -> Files.exists(stateDir.resolve("started-1.pid")));
        CompletableFuture<HandlerOutcome> waiting = handlers.onUserEvent("slow", bytes("2"));
        long pid = Long.parseLong(Files.readString(stateDir.resolve("started-1.pid")).strip());

        handlers.close();

        assertThat(running.get(20, TimeUnit.SECONDS).result()).isEqualTo(Result.CANCELLED);
        assertThat(waiting.get(20, TimeUnit.SECONDS).result()).isEqualTo(Result.CANCELLED);
        await().atMost(WAIT).until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
    }

    private EventHandlers handlers(EventHandlersConfig config) {
        return new EventHandlers(config, MEMBER, listener, ComponentLog.of(MEMBER, "handlers"));
    }

    private void handler(String name, String script) throws IOException {
        Path file = stateDir.resolve("handlers").resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
