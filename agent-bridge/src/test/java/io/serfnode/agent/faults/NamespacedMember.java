package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code serfnode agent} JVM (with its own serf) started inside a namespace of a {@link NetworkLab},
 * plus a {@link NamespaceRelay} beside it so the test can reach its WebSocket API. Every process is ended
 * by its PID on {@link #close()}, its descendants (serf, children) included.
 */
final class NamespacedMember implements AutoCloseable {
    static final int GOSSIP_PORT = 7946;
    static final int WS_PORT = 7800;
    private static final String MAIN = "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand";

    private final String name;
    private final NetworkLab.Host host;
    private final Process agent;
    private final List<ProcessHandle> started = new ArrayList<>();
    private Process relay;
    private UnixSocketPort port;

    private NamespacedMember(String name, NetworkLab.Host host, Process agent) {
        this.name = name;
        this.host = host;
        this.agent = agent;
        started.add(agent.toHandle());
    }

    /**
     * Starts the agent in {@code host}'s namespace with the LAN profile and a short serf reconnect interval.
     *
     * @param join     the gossip address to join through, or {@code null} for the first member
     * @param workDir  where the member keeps its state, configuration and log
     */
    static NamespacedMember start(String name, NetworkLab.Host host, String join, Path tokenFile, Path workDir,
            Duration reconnectInterval) throws IOException {
        Files.createDirectories(workDir);
        Path config = workDir.resolve("serfnode.yml");
        // a child to command while the cluster is split
        Files.writeString(config, """
                children:
                  - sleeper:
                      exec: sleep 3600
                """);
        List<String> command = new ArrayList<>(NetworkLab.inNamespace(host.namespace()));
        command.addAll(List.of(javaLauncher(), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager",
                "-p", modulePath(), "-m", MAIN, "agent",
                "--name", name,
                "--bind", host.address() + ":" + GOSSIP_PORT,
                "--rpc", "127.0.0.1:7373",
                "--ws", host.address() + ":" + WS_PORT,
                "--token-file", tokenFile.toString(),
                "--state-dir", workDir.resolve("state").toString(),
                "--config", config.toString(),
                "--runtime", "process",
                "--profile", "lan",
                "--serf-reconnect-interval", reconnectInterval.toMillis() + "ms"));
        if (join != null) {
            command.addAll(List.of("--join", join));
        }
        Process agent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("agent.log").toFile()).start();
        return new NamespacedMember(name, host, agent);
    }

    /** Opens the way to this member's WebSocket API; returns its URI as seen from the test JVM. */
    URI openApi(Path workDir) throws IOException {
        Path socket = workDir.resolve("ws.sock");
        List<String> command = new ArrayList<>(NetworkLab.inNamespace(host.namespace()));
        command.addAll(List.of(javaLauncher(), "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", testClasses().toString(), NamespaceRelay.class.getName(), socket.toString(), host.address(),
                String.valueOf(WS_PORT)));
        relay = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("relay.log").toFile()).start();
        started.add(relay.toHandle());
        await("the relay's socket " + socket).atMost(Duration.ofSeconds(60)).until(() -> Files.exists(socket)
                || !relay.isAlive());
        if (!relay.isAlive()) {
            fail("the relay into %s ended: %s", host.namespace(), Files.readString(workDir.resolve("relay.log")));
        }
        port = UnixSocketPort.open(socket);
        try {
            return new URI("ws://127.0.0.1:" + port.port() + "/v1/cluster");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    NetworkLab.Host host() {
        return host;
    }

    boolean isAlive() {
        return agent.isAlive();
    }

    /** A graceful stop (SIGTERM: the member leaves), then SIGKILL for whatever is left, each by PID. */
    @Override
    public void close() throws InterruptedException {
        if (port != null) {
            port.close();
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : started) {
            all.add(process);
            process.descendants().forEach(all::add);
        }
        agent.destroy();
        if (!agent.waitFor(20, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
        }
        for (ProcessHandle process : all) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : all) {
            process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
    }

    private static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new AssertionError("the path of this JVM's java launcher is unknown"));
    }

    private static String modulePath() {
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isBlank()) {
            fail("jdk.module.path is not set, so the agent's modules cannot be found; run this test through "
                    + "Maven (failsafe puts the agent and its dependencies on the module path)");
        }
        return modulePath;
    }

    /** Where this test's classes are, for the relay's class path. */
    private static Path testClasses() {
        try {
            Path location = Path.of(NamespaceRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return location;
            }
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            // fall through to the build's layout
        }
        Path fallback = Path.of(System.getProperty("basedir", "."), "target", "test-classes");
        if (!Files.isRegularFile(fallback.resolve(NamespaceRelay.class.getName().replace('.', '/') + ".class"))) {
            fail("cannot find the compiled NamespaceRelay (looked in %s)", fallback.toAbsolutePath());
        }
        return fallback;
    }
}
