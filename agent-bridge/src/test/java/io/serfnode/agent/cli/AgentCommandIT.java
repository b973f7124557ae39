package io.serfnode.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code serfnode agent} command, in a JVM of its own, as an operator runs it. */
class AgentCommandIT {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Pattern SERF_PID = Pattern.compile("started serf agent pid (\\d+)");
    private static final Pattern CHILD_PID = Pattern.compile("started child 'app' as pid (\\d+)");

    @TempDir
    Path dir;

    private final List<Process> commands = new ArrayList<>();
    private final List<Long> pidsToEnd = new ArrayList<>();
    private MemberAgent observer;

    @AfterEach
    void endEverything() {
        commands.forEach(command -> command.toHandle().destroyForcibly());
        if (observer != null) {
            observer.close();
        }
        // whatever outlived its owner (a failing test) is ended by the pid this test saw
        pidsToEnd.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aKilledAgentIsSeenAsFailedAndTakesItsSerfWithIt() throws Exception {
        startObserver();
        Path log = dir.resolve("a.log");
        Process agent = command(log, "agent", "--name", "killed-a", "--profile", "local",
                "--state-dir", dir.resolve("a").toString(), "--bind", loopback(), "--rpc", loopback(),
                "--join", observer.config().bind().toString());
        long serfPid = awaitPid(log, SERF_PID);
        await().atMost(PATIENCE).until(() -> statusOf("killed-a").equals(Optional.of(MemberStatus.ALIVE)));

        agent.toHandle().destroyForcibly();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ProcessHandle.of(serfPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(statusOf("killed-a")).contains(MemberStatus.FAILED);
        });
    }

    @Test
    void sigtermStopsTheChildrenLeavesTheClusterAndExitsWithZero() throws Exception {
        startObserver();
        Path config = dir.resolve("serfnode.yml");
        Files.writeString(config, """
                serfnode:
                  role: web
                children:
                  - app:
                      exec: sleep 1000
                      startsecs: 0
                """);
        Path log = dir.resolve("b.log");
        Process agent = command(log, "agent", "--config", config.toString(), "--name", "stopped-b",
                "--profile", "local", "--state-dir", dir.resolve("b").toString(), "--bind", loopback(),
                "--rpc", loopback(), "--join", observer.config().bind().toString());
        long serfPid = awaitPid(log, SERF_PID);
        long childPid = awaitPid(log, CHILD_PID);
        await().atMost(PATIENCE).until(() -> statusOf("stopped-b").equals(Optional.of(MemberStatus.ALIVE)));
        assertThat(observer.members()).filteredOn(m -> m.name().equals("stopped-b"))
                .singleElement().satisfies(m -> assertThat(m.roles()).containsExactly("web"));

        agent.toHandle().destroy(); // SIGTERM

        assertThat(agent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isZero();
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(ProcessHandle.of(serfPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        await().atMost(PATIENCE).until(() -> statusOf("stopped-b").equals(Optional.of(MemberStatus.LEFT)));
        assertThat(Files.readString(log)).contains("app RUNNING -> STOPPING", "serf left the cluster");
    }

    @Test
    void aBadConfigurationExitsWithTwoAndSaysWhereAndWhy() throws Exception {
        Path config = dir.resolve("serfnode.yml");
        Files.writeString(config, """
                serfnode:
                  role: web
                children:
                  - app:
                      exce: sleep 1000
                """);
        Path log = dir.resolve("c.log");
        Process agent = command(log, "agent", "--config", config.toString(), "--state-dir", dir.resolve("c").toString());

        assertThat(agent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains(config + ":5:7").contains("'exce'").contains("'exec'");
    }

    @Test
    void anUnknownOptionExitsWithTwo() throws Exception {
        Path log = dir.resolve("d.log");
        Process agent = command(log, "agent", "--no-such-option");

        assertThat(agent.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--no-such-option").contains("serfnode agent --help");
    }

    private void startObserver() throws InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        observer = new MemberAgent(MemberAgentConfig.local("observer", bind, rpc, dir.resolve("observer"))
                .withReconcileInterval(Duration.ofSeconds(2)));
        observer.start();
        observer.serf().process().ifPresent(serf -> pidsToEnd.add(serf.pid()));
    }

    private Optional<MemberStatus> statusOf(String name) {
        return observer.members().stream().filter(m -> m.name().equals(name)).findFirst().map(Member::status);
    }

    private static String loopback() {
        return "127.0.0.1:" + FreePorts.pick("127.0.0.1");
    }

    private long awaitPid(Path log, Pattern pattern) {
        long[] found = new long[1];
        await().atMost(PATIENCE).until(() -> {
            Matcher matcher = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find()) {
                found[0] = Long.parseLong(matcher.group(1));
                return true;
            }
            return false;
        });
        pidsToEnd.add(found[0]);
        return found[0];
    }

    /** Runs {@code serfnode …} from the jars this build packaged, on the JVM running the tests. */
    private Process command(Path log, String... args) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path jar;
        try (Stream<Path> jars = Files.list(target)) {
            jar = jars.filter(p -> p.getFileName().toString().matches("serfnode-agent-.*\\.jar")
                    && !p.getFileName().toString().contains("-tests")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the agent first: no jar in " + target));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager",
                "-p", jar + ":" + target.resolve("lib"),
                "-m", "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        commands.add(process);
        return process;
    }
}
