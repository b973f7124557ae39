package io.serfnode.console.testing;

import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.wire.SnapshotMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster of real {@code serfnode agent} processes for console tests: each member a JVM of its own (the test
 * class path, main class {@code io.serfnode.agent.cli.SerfnodeCommand}) on its own 127.0.x.y address with free
 * ports, serving the WebSocket API, all sharing one token file, with process children from a generated
 * {@code serfnode.yml}.
 *
 * <p>Register it as a static field ({@code @RegisterExtension static final AgentProcessCluster cluster =
 * AgentProcessCluster.threeMembers();}) for one cluster per test class, or as an instance field for one per
 * test. It starts before the tests, waits until every member sees every other alive and runs its children,
 * and afterwards ends every process it started by pid, pass or fail: the agents, their serf agents and
 * their children (also those orphaned by {@link #kill(String)}).
 */
public final class AgentProcessCluster
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private static final String MAIN = "io.serfnode.agent.cli.SerfnodeCommand";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(5);
    private static final AtomicInteger CLUSTERS = new AtomicInteger();
    private static final Set<ProcessHandle> EVERY_PROCESS = ConcurrentHashMap.newKeySet();

    static {
        // a test JVM that dies on its own still takes the agents down with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> EVERY_PROCESS.forEach(ProcessHandle::destroyForcibly),
                "agent-process-cluster-reaper"));
    }

    /**
     * A process child of a member.
     *
     * @param name the child's name
     * @param exec its command line (as {@code exec:} in {@code serfnode.yml})
     */
    public record ChildSpec(String name, String exec) {
        public ChildSpec {
            requireName(name, "child");
            Objects.requireNonNull(exec, "exec");
        }

        /** A child that sleeps for a long time: a stand-in for a service, easy to kill. */
        public static ChildSpec sleeper(String name) {
            return new ChildSpec(name, "/bin/sleep 100000");
        }
    }

    /**
     * One member.
     *
     * @param name     the node name
     * @param roles    its roles, space separated (the {@code role} tag)
     * @param children its process children
     */
    public record MemberSpec(String name, String roles, List<ChildSpec> children) {
        public MemberSpec {
            requireName(name, "member");
            Objects.requireNonNull(roles, "roles");
            if (!roles.matches("[a-z0-9 -]*")) {
                throw new IllegalArgumentException("roles of " + name + " must be space-separated [a-z0-9-] words,"
                        + " found '" + roles + "'");
            }
            children = List.copyOf(children);
        }

        public static MemberSpec of(String name, String roles, ChildSpec... children) {
            return new MemberSpec(name, roles, List.of(children));
        }

        public MemberSpec withChildren(ChildSpec... newChildren) {
            return new MemberSpec(name, roles, List.of(newChildren));
        }
    }

    /** A running member. */
    public record Agent(MemberSpec spec, String ip, int gossipPort, int rpcPort, int wsPort, Path stateDir, Path log,
                        Process process) {
        public String name() {
            return spec.name();
        }

        public String wsAddress() {
            return ip + ":" + wsPort;
        }
    }

    private final List<MemberSpec> specs;
    private final boolean tls;
    private final List<Agent> agents = new CopyOnWriteArrayList<>();
    private final Set<ProcessHandle> processes = ConcurrentHashMap.newKeySet();
    private Path directory;
    private Path tokenFile;
    private String token;
    private Path certificate;
    private boolean startedForOneTest;

    private AgentProcessCluster(List<MemberSpec> specs, boolean tls) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one member");
        }
        this.specs = List.copyOf(specs);
        this.tls = tls;
    }

    /** The usual test cluster: web-1 (roles web cache), db-1 (db) and worker-1 (worker), each with a child 'app'. */
    public static AgentProcessCluster threeMembers() {
        return of(MemberSpec.of("web-1", "web cache", ChildSpec.sleeper("app")),
                MemberSpec.of("db-1", "db", ChildSpec.sleeper("app")),
                MemberSpec.of("worker-1", "worker", ChildSpec.sleeper("app")));
    }

    public static AgentProcessCluster of(MemberSpec... members) {
        return new AgentProcessCluster(List.of(members), false);
    }

    /** The same cluster serving {@code wss://} with a self-signed certificate for all members' addresses. */
    public AgentProcessCluster withTls() {
        return new AgentProcessCluster(specs, true);
    }

    // ---- JUnit ----

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (agents.isEmpty()) {
            startedForOneTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    // ---- lifecycle ----

    /** Starts every member and waits until the cluster is whole; on failure ends what it started and says why. */
    public synchronized void start() {
        if (!agents.isEmpty()) {
            throw new IllegalStateException("the cluster is running already");
        }
        try {
            directory = clusterDirectory();
            tokenFile = directory.resolve("api-token");
            token = "console-test-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
            Files.writeString(tokenFile, token + "\n", StandardCharsets.UTF_8);
            List<String> ips = specs.stream().map(spec -> LoopbackPorts.nextAddress()).toList();
            if (tls) {
                certificate = SelfSignedCertificate.create(directory.resolve("tls"), ips);
            }
            String joinAddress = null;
            for (int i = 0; i < specs.size(); i++) {
                Agent agent = launch(specs.get(i), ips.get(i), joinAddress);
                if (joinAddress == null) {
                    joinAddress = agent.ip() + ":" + agent.gossipPort();
                }
            }
            awaitWhole();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the test cluster: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            String logs = logTails();
            close();
            throw new AssertionError("the test cluster did not come up: " + e.getMessage() + "\n" + logs, e);
        }
    }

    /** Ends every process this cluster started, by pid: agents first, then whatever they left behind. */
    @Override
    public synchronized void close() {
        for (Agent agent : agents) {
            track(agent.process().toHandle());
            agent.process().toHandle().descendants().forEach(this::track);
        }
        for (Agent agent : agents) {
            agent.process().destroyForcibly();
        }
        for (Agent agent : agents) {
            awaitGone(agent.process().toHandle());
        }
        for (ProcessHandle handle : processes) {
            handle.destroyForcibly(); // a handle ends only the process it was taken from, never a reused pid
        }
        processes.forEach(AgentProcessCluster::awaitGone);
        EVERY_PROCESS.removeAll(processes);
        processes.clear();
        agents.clear();
        startedForOneTest = false;
    }

    // ---- what tests use ----

    public List<String> names() {
        return agents.stream().map(Agent::name).toList();
    }

    public Agent agent(String name) {
        return agents.stream().filter(agent -> agent.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member named '" + name + "' in this cluster; it has "
                        + names()));
    }

    /** The member's API URL, {@code ws://ip:port/v1/cluster} (or {@code wss://} with TLS). */
    public URI wsUrl(String name) {
        return URI.create((tls ? "wss://" : "ws://") + agent(name).wsAddress() + "/v1/cluster");
    }

    /** Every member's API URL, in member order. */
    public Map<String, URI> wsUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        names().forEach(name -> urls.put(name, wsUrl(name)));
        return urls;
    }

    public String token() {
        return token;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The PEM certificate every member serves, for a TLS cluster. */
    public Path certificatePem() {
        if (certificate == null) {
            throw new IllegalStateException("this cluster does not serve TLS; build it with withTls()");
        }
        return certificate;
    }

    public Path logOf(String name) {
        return agent(name).log();
    }

    public boolean isRunning(String name) {
        return agent(name).process().isAlive();
    }

    /** SIGKILL for the member's agent (a crash: nothing stopped, nothing left); waits until it is gone. */
    public void kill(String name) {
        Agent agent = agent(name);
        agent.process().toHandle().descendants().forEach(this::track); // its children outlive it
        agent.process().destroyForcibly();
        awaitGone(agent.process().toHandle());
    }

    /** SIGTERM for the member's agent: it stops its children and leaves; waits until it is gone. */
    public void stop(String name) {
        Agent agent = agent(name);
        agent.process().toHandle().descendants().forEach(this::track);
        agent.process().destroy();
        awaitGone(agent.process().toHandle());
    }

    /** The member's snapshot, read from its own API. */
    public SnapshotMessage snapshotFrom(String name) {
        try {
            return AgentProbe.snapshot(wsUrl(name), token, tls ? trustingOurCertificate() : null, PROBE_PATIENCE);
        } catch (Exception e) {
            throw new IllegalStateException("no snapshot from " + name + ": " + e, e);
        }
    }

    /** The pid of a child as its member reports it now, when it has a process. */
    public Optional<Long> childPid(String member, String child) {
        return childOf(snapshotFrom(member), member, child).map(SupervisedChild::status)
                .map(status -> status.pid());
    }

    /** Ends a child's process with SIGKILL (it is this cluster's own child); returns its pid. */
    public long killChild(String member, String child) {
        long pid = childPid(member, child).orElseThrow(() -> new IllegalStateException(member + "'s child " + child
                + " has no process now"));
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("child " + child
                + " of " + member + " (pid " + pid + ") is gone already"));
        if (handle.parent().map(parent -> parent.pid() != agent(member).process().pid()).orElse(true)) {
            throw new IllegalStateException("pid " + pid + " is not a child of " + member + "'s agent");
        }
        handle.destroyForcibly();
        return pid;
    }

    // ---- inside ----

    private Agent launch(MemberSpec spec, String ip, String joinAddress) throws IOException {
        int[] ports = LoopbackPorts.freePorts(ip, 3);
        Path memberDir = directory.resolve(spec.name());
        Path stateDir = memberDir.resolve("state");
        Files.createDirectories(stateDir);
        Path config = memberDir.resolve("serfnode.yml");
        Files.writeString(config, yaml(spec), StandardCharsets.UTF_8);
        Path log = memberDir.resolve("agent.log");
        List<String> command = new ArrayList<>(List.of(javaLauncher(),
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager",
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", classPath(), MAIN, "agent",
                "--name", spec.name(),
                "--config", config.toString(),
                "--bind", ip + ":" + ports[0],
                "--rpc", ip + ":" + ports[1],
                "--ws", ip + ":" + ports[2],
                "--token-file", tokenFile.toString(),
                "--state-dir", stateDir.toString(),
                "--runtime", "process",
                "--profile", "local"));
        if (joinAddress != null) {
            command.addAll(List.of("--join", joinAddress));
        }
        if (tls) {
            command.addAll(List.of("--tls-cert", certificate.toString(),
                    "--tls-key", certificate.resolveSibling("key.pem").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        track(process.toHandle());
        Agent agent = new Agent(spec, ip, ports[0], ports[1], ports[2], stateDir, log, process);
        agents.add(agent);
        return agent;
    }

    private void awaitWhole() {
        try {
            Awaitility.await("every member sees all " + specs.size() + " alive and runs its children")
                    .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(this::isWhole);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("not whole after " + READY_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
        }
        for (Agent agent : agents) {
            agent.process().toHandle().descendants().forEach(this::track);
        }
    }

    private boolean isWhole() {
        for (Agent agent : agents) {
            if (!agent.process().isAlive()) {
                throw new IllegalStateException(agent.name() + "'s agent exited with " + agent.process().exitValue());
            }
        }
        for (Agent agent : agents) {
            SnapshotMessage snapshot = snapshotFrom(agent.name());
            long alive = snapshot.members().stream().filter(member -> member.status() == MemberStatus.ALIVE)
                    .map(Member::name).filter(names()::contains).count();
            if (alive != agents.size()) {
                return false;
            }
            for (ChildSpec child : agent.spec().children()) {
                boolean running = childOf(snapshot, agent.name(), child.name())
                        .map(found -> found.status().state() == SupervisorState.RUNNING).orElse(false);
                if (!running) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Optional<SupervisedChild> childOf(SnapshotMessage snapshot, String member, String child) {
        return snapshot.children().getOrDefault(member, List.of()).stream()
                .filter(found -> found.child().name().equals(child)).findFirst();
    }

    private SSLContext trustingOurCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            int index = 0;
            for (Certificate each : certificates) {
                store.setCertificateEntry("agent-" + index++, each);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String yaml(MemberSpec spec) {
        StringBuilder text = new StringBuilder();
        text.append("serfnode:\n  role: \"").append(spec.roles()).append("\"\n");
        if (spec.children().isEmpty()) {
            text.append("children: []\n");
            return text.toString();
        }
        text.append("children:\n");
        for (ChildSpec child : spec.children()) {
            text.append("  - ").append(child.name()).append(":\n")
                    .append("      exec: \"").append(child.exec()).append("\"\n")
                    .append("      startsecs: 0\n");
        }
        return text.toString();
    }

    private void track(ProcessHandle handle) {
        processes.add(handle);
        EVERY_PROCESS.add(handle);
    }

    private String logTails() {
        StringBuilder text = new StringBuilder();
        for (Agent agent : agents) {
            text.append("---- ").append(agent.name()).append(" (").append(agent.log()).append(") ----\n");
            try {
                List<String> lines = Files.readAllLines(agent.log(), StandardCharsets.UTF_8);
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> text.append(l).append('\n'));
            } catch (IOException e) {
                text.append("(no log: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    private static void awaitGone(ProcessHandle handle) {
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + handle.pid() + " did not end within 30 s of SIGKILL", e);
        }
    }

    private static Path clusterDirectory() throws IOException {
        Path target = Path.of("target");
        Path base = Files.isDirectory(target) ? target.resolve("agent-clusters") : Files.createTempDirectory("agents");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        Path directory = base.resolve("cluster-" + stamp + "-" + ProcessHandle.current().pid() + "-"
                + CLUSTERS.incrementAndGet()).toAbsolutePath();
        Files.createDirectories(directory);
        return directory;
    }

    private static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the path of this JVM's java launcher is unknown"));
    }

    /** The test class path; surefire and failsafe hand the real one over apart from their booter jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a " + what + " name must match " + NAME.pattern() + ", found '" + name + "'");
        }
    }
}
