package io.serfnode.agent.serf.testing;

import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.process.LocalSerfProcessManager;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.process.SerfKeyringFile;
import io.serfnode.agent.serf.process.SerfLaunchSettings;
import io.serfnode.agent.serf.process.SerfStartupException;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import io.serfnode.agent.support.ComponentLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real serf agents for a test, each on its own loopback address with free ports, joined into one cluster.
 * Register it as a field, {@code @RegisterExtension final SerfTestCluster cluster = SerfTestCluster.create();},
 * or use it in try-with-resources. However the test ends, every RPC client it opened is closed and every process it
 * started is ended by PID afterwards (and a shutdown hook ends any that a crashed run left behind).
 */
public final class SerfTestCluster implements AfterEachCallback, AfterAllCallback, AutoCloseable {
    /** Serf may fail to bind a port it was just handed when another process takes it in between. */
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final ComponentLog log = ComponentLog.of("test", "serf-cluster");
    private final Path directory;
    private final LocalSerfProcessManager manager;
    private final SerfCli cli;
    private final List<SerfAgentProcess> processes = new CopyOnWriteArrayList<>();
    private final List<SerfTestAgent> agents = new CopyOnWriteArrayList<>();
    private final List<SerfRpcClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger agentNumbers = new AtomicInteger();

    private SerfTestCluster(String binary) {
        try {
            directory = Files.createTempDirectory("serf-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for test agents", e);
        }
        manager = new LocalSerfProcessManager(SerfLaunchSettings.defaults(directory.resolve("run"))
                .withBinary(binary)
                .withCloseTimeout(Duration.ofSeconds(5)));
        cli = new SerfCli(binary);
    }

    /** Agents from the {@code serf} on {@code PATH}. */
    public static SerfTestCluster create() {
        return new SerfTestCluster("serf");
    }

    /** Customises the config of the agent with the given index (0 is the one the others join). */
    @FunctionalInterface
    public interface AgentCustomizer {
        SerfAgentConfig customize(int index, SerfAgentConfig config);
    }

    /** Starts {@code count} plain agents and waits until each is ready and sees all as alive. */
    public List<SerfTestAgent> start(int count) {
        return start(count, (index, config) -> config);
    }

    /**
     * Starts {@code count} agents named {@code agent-0 …} (numbering goes on across calls), the first alone and the others joining it through
     * {@code start_join}, and waits until every one answers RPC and sees all of them alive.
     */
    public List<SerfTestAgent> start(int count, AgentCustomizer customizer) {
        List<SerfTestAgent> started = startAgents(count, customizer, true);
        awaitMembersAlive(started);
        return started;
    }

    /** Starts {@code count} plain agents that know nothing of each other. */
    public List<SerfTestAgent> startUnjoined(int count) {
        return startUnjoined(count, (index, config) -> config);
    }

    /**
     * Starts {@code count} agents named as {@link #start(int, AgentCustomizer)} does, but each alone, for tests that
     * join them themselves; waits until every one answers RPC.
     */
    public List<SerfTestAgent> startUnjoined(int count, AgentCustomizer customizer) {
        return startAgents(count, customizer, false);
    }

    /**
     * A local-profile config on a fresh loopback address with free gossip and RPC ports, not yet started.
     */
    public SerfAgentConfig newConfig(String nodeName) {
        String ip = LoopbackAllocator.nextAddress();
        int gossipPort = LoopbackAllocator.freePort(ip);
        return SerfAgentConfig.local(nodeName, ip, gossipPort, LoopbackAllocator.freePort(ip));
    }

    /** Starts an agent exactly as configured (no port retry) and waits until it answers RPC. */
    public SerfTestAgent startAgent(SerfAgentConfig config) {
        SerfAgentProcess process = launch(config);
        try {
            process.awaitReady(READY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + config.nodeName(), e);
        }
        SerfTestAgent agent = new SerfTestAgent(config, process);
        agents.add(agent);
        return agent;
    }

    /** Starts an agent without waiting for it; the cluster still ends it after the test. */
    public SerfAgentProcess launch(SerfAgentConfig config) {
        SerfAgentProcess process = manager.start(config);
        ProcessReaper.register(process.pid());
        processes.add(process);
        return process;
    }

    /** An RPC client connected to {@code agent}; closed after the test, before the agents end. */
    public SerfRpcClient rpcClient(SerfTestAgent agent) {
        return rpcClient(agent.rpcConfig());
    }

    /**
     * An RPC client connected as {@code config} says, e.g. an agent's {@link SerfTestAgent#rpcConfig()} with another
     * token; closed after the test, before the agents end.
     */
    public SerfRpcClient rpcClient(SerfRpcConfig config) {
        SerfRpcClient client = SerfRpcClient.connect(config);
        clients.add(client);
        return client;
    }

    /** Writes a keyring file for one agent (serf rewrites it, so agents must not share one). */
    public Path keyringFile(String nodeName, List<String> keys) {
        Path file = directory.resolve("keyrings").resolve(nodeName + ".json");
        SerfKeyringFile.write(file, keys);
        return file;
    }

    /** A fresh file path in the cluster's directory, e.g. for a snapshot. */
    public Path file(String name) {
        return directory.resolve("files").resolve(name);
    }

    /** Waits until every given agent sees every one of them as alive. */
    public void awaitMembersAlive(List<SerfTestAgent> expected) {
        List<String> names = expected.stream().map(SerfTestAgent::nodeName).sorted().toList();
        for (SerfTestAgent observer : expected) {
            await("members seen alive by " + observer.nodeName())
                    .atMost(JOIN_TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> cli.members(observer.config()).stream()
                            .filter(member -> member.status().equals("alive"))
                            .map(SerfCli.Member::name)
                            .sorted()
                            .toList()
                            .containsAll(names));
        }
    }

    /** Waits until {@code observer} sees {@code nodeName} in {@code status} ({@code left}, {@code failed}, …). */
    public void awaitStatus(SerfTestAgent observer, String nodeName, String status) {
        await(observer.nodeName() + " sees " + nodeName + " as " + status)
                .atMost(JOIN_TIMEOUT)
                .until(() -> cli.statusOf(observer.config(), nodeName).orElse("absent"), status::equals);
    }

    public List<SerfTestAgent> agents() {
        return List.copyOf(agents);
    }

    /** Every process started, ready or not, alive or not. */
    public List<SerfAgentProcess> processes() {
        return List.copyOf(processes);
    }

    public SerfCli cli() {
        return cli;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Closes every RPC client opened, kills every process started (no graceful leave: the cluster is going away
     * anyway), then removes its files.
     */
    @Override
    public void close() {
        closeClients();
        List<String> survivors = new ArrayList<>();
        for (SerfAgentProcess process : processes) {
            try {
                if (process.isAlive()) {
                    process.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn(e, "could not kill %s", process);
            }
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            if (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                survivors.add(process.toString());
            } else {
                ProcessReaper.unregister(process.pid());
            }
            processes.remove(process);
        }
        agents.clear();
        deleteDirectory();
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("serf processes survived the end of the test: " + survivors);
        }
    }

    private List<SerfTestAgent> startAgents(int count, AgentCustomizer customizer, boolean joinFirst) {
        if (count < 1) {
            throw new IllegalArgumentException("a cluster needs at least one agent, asked for " + count);
        }
        List<SerfTestAgent> started = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            SerfTestAgent seed = joinFirst && !started.isEmpty() ? started.getFirst() : null;
            int agentIndex = index;
            started.add(startWithFreshPorts("agent-" + agentNumbers.getAndIncrement(), config -> {
                SerfAgentConfig joining = seed == null ? config : config.withStartJoin(List.of(seed.bindAddress()));
                return customizer.customize(agentIndex, joining);
            }));
        }
        return List.copyOf(started);
    }

    /** Before the agents end, so that no client reports their loss to a test that is already over. */
    private void closeClients() {
        for (SerfRpcClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                log.warn(e, "could not close %s", client);
            }
            clients.remove(client);
        }
    }

    /**
     * Starts one agent on freshly allocated ports, retrying with new ports when serf reports a port already taken.
     */
    private SerfTestAgent startWithFreshPorts(String nodeName, UnaryOperator<SerfAgentConfig> customize) {
        SerfStartupException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            SerfAgentConfig config = customize.apply(newConfig(nodeName));
            try {
                return startAgent(config);
            } catch (SerfStartupException e) {
                if (!e.getMessage().contains("address already in use")) {
                    throw e;
                }
                log.warn("ports of %s were taken (attempt %d of %d); retrying on others", nodeName, attempt, START_ATTEMPTS);
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private void deleteDirectory() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn(e, "could not remove %s", directory);
        }
    }
}
