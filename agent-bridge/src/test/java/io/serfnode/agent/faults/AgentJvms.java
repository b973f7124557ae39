package io.serfnode.agent.faults;

import static org.awaitility.Awaitility.await;

import io.serfnode.agent.member.AgentJvm;
import io.serfnode.agent.runtime.process.TrackedProcesses;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.agent.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Member agents of one test, each a {@code serfnode agent} JVM of its own (so a test can SIGKILL one), with a
 * WebSocket API on its own loopback address and one shared token file, their state in the serf cluster's
 * directory. Register it after its {@link SerfTestCluster}: when a test fails it prints the end of every agent's
 * log (a failure in a clean checkout, where the log files go with the checkout, then shows what the agents did);
 * after each test every process seen (agent JVMs, their serf agents and children) is ended by its pid, pass or
 * fail, before the cluster removes its directory. A test that must end the agents before something else of its
 * own closes them itself.
 */
final class AgentJvms implements AfterTestExecutionCallback, AfterEachCallback, AutoCloseable {
    static final String TOKEN = "fault-suite-token";
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final int LOG_LINES_ON_FAILURE = 400;

    /** How to start one member again exactly as before (same name, addresses and state directory). */
    record Launch(String name, List<String> arguments, Path stateDir, URI api, Path log) {
    }

    private final SerfTestCluster addresses;
    private final Path root;
    private final Path tokenFile;
    private final TrackedProcesses processes = new TrackedProcesses();
    private final Map<String, AgentJvm> running = new ConcurrentHashMap<>();
    private final Map<String, Path> logs = new java.util.concurrent.ConcurrentSkipListMap<>();

    private AgentJvms(SerfTestCluster addresses, Path root) throws IOException {
        this.addresses = addresses;
        this.root = Files.createDirectories(root);
        this.tokenFile = Files.writeString(root.resolve("token"), TOKEN + "\n", StandardCharsets.UTF_8);
    }

    /** Agents on {@code cluster}'s loopback addresses, their state in its directory. */
    static AgentJvms on(SerfTestCluster cluster) {
        try {
            return new AgentJvms(cluster, cluster.file("agents"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the agents' directory", e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            System.out.print(logTails(LOG_LINES_ON_FAILURE));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /**
     * A member named {@code name} with {@code yaml} as its {@code serfnode.yml}, joining {@code join} (none for
     * the first), with the local serf profile and process children.
     */
    Launch plan(String name, String yaml, Launch join, String runtime) throws IOException {
        Path stateDir = Files.createDirectories(root.resolve(name));
        Path config = Files.writeString(stateDir.resolve("serfnode.yml"), yaml, StandardCharsets.UTF_8);
        SerfAgentConfig serf = addresses.newConfig(name);
        String ip = serf.bind().host();
        int wsPort = FreePorts.pick(ip);
        List<String> arguments = new ArrayList<>(List.of("--config", config.toString(), "--name", name,
                "--bind", serf.bind().toString(), "--rpc", serf.rpcAddress().toString(),
                "--ws", ip + ":" + wsPort, "--token-file", tokenFile.toString(),
                "--state-dir", stateDir.toString(), "--runtime", runtime, "--profile", "local"));
        if (join != null) {
            arguments.addAll(List.of("--join", bindOf(join)));
        }
        Path log = Path.of("target", "agent-jvm", "faults", name + "-" + ProcessHandle.current().pid() + ".log")
                .toAbsolutePath();
        return new Launch(name, List.copyOf(arguments), stateDir, URI.create("ws://" + ip + ":" + wsPort + "/v1/cluster"),
                log);
    }

    private static String bindOf(Launch launch) {
        return launch.arguments().get(launch.arguments().indexOf("--bind") + 1);
    }

    /** Starts the member and waits until its API answers on its port. */
    AgentJvm start(Launch launch) throws IOException {
        return start(launch, List.of());
    }

    /** Starts the member through {@code launcher} (see {@link AgentJvm#start(List, List, Path)}) and waits for its API. */
    AgentJvm start(Launch launch, List<String> launcher) throws IOException {
        AgentJvm agent = AgentJvm.start(launcher, launch.arguments(), launch.log());
        logs.put(launch.name(), launch.log());
        processes.track(agent.pid());
        running.put(launch.name(), agent);
        await(launch.name() + "'s API answers").atMost(START_PATIENCE)
                .failFast("the agent " + launch.name() + " exited; its output is in " + launch.log(), () -> !agent.isAlive())
                .until(() -> answers(launch.api()));
        trackDescendants(agent);
        return agent;
    }

    private static boolean answers(URI api) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(api.getHost(), api.getPort()), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Remembers the pids of the agent's serf and children now (call again after they changed). */
    void trackDescendants(AgentJvm agent) {
        ProcessHandle.of(agent.pid()).ifPresent(handle -> handle.descendants()
                .forEach(child -> processes.track(child.pid())));
    }

    /**
     * SIGKILL of the agent JVM, as a crash; then its serf (which follows a dead parent only after a while) is
     * killed too, as the machine's crash would, so that the member is gone from the cluster's point of view.
     * Its children are left running: that is what a restarted agent must cope with.
     */
    List<ProcessHandle> crash(String name) throws InterruptedException {
        AgentJvm agent = running.remove(name);
        trackDescendants(agent);
        List<ProcessHandle> serfs = agent.serfProcesses();
        List<ProcessHandle> others = ProcessHandle.of(agent.pid()).stream().flatMap(ProcessHandle::descendants)
                .filter(handle -> !serfs.contains(handle)).toList();
        agent.crash();
        serfs.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> serfs.stream().noneMatch(ProcessHandle::isAlive));
        return others;
    }

    /** The last {@code lines} lines of every agent's log, each under a header naming the agent and the file. */
    String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        logs.forEach((name, log) -> {
            out.append("---- the last ").append(lines).append(" lines of ").append(name).append("'s log (")
                    .append(log).append(")\n");
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(line -> out.append(line).append('\n'));
            } catch (IOException e) {
                out.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        running.values().forEach(this::trackDescendants);
        running.clear();
        processes.close();
    }
}
