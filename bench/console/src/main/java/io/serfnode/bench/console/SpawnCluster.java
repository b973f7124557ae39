package io.serfnode.bench.console;

import io.serfnode.agent.support.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A small cluster of real {@code serfnode agent} processes, started as {@code bin/serfnode agent} starts one
 * (the JDK running this harness, the agent's jar and libraries on the module path, JVM options only when asked),
 * each with its own serf on one 127.0.x.y address with free ports, all serving the WebSocket API with one token
 * file. The first member is
 * the spawner the console talks to: {@code <role>-1}, with the benchmark's own role (so the members it spawns,
 * {@code <role>-2}, {@code <role>-3} …, and their containers have names nothing else on the machine uses) and one
 * process child. The others ({@code peer-1} …) only make it a cluster.
 *
 * <p>{@link #close()} stops every agent with SIGTERM, as an operator's Ctrl+C would (a spawner then stops the
 * members it spawned and removes their containers), waits, and ends by pid whatever is left of what it started.
 */
final class SpawnCluster implements AutoCloseable {
    private static final String MAIN = "io.serfnode.agent/io.serfnode.agent.cli.SerfnodeCommand";
    private static final long STOP_PATIENCE_SECONDS = 60;

    /** One member: its name, API address and process. */
    record Agent(String name, String ip, int gossipPort, int wsPort, Path log, Process process) {
        URI wsUri() {
            return URI.create("ws://" + ip + ":" + wsPort + "/v1/cluster");
        }
    }

    private final List<Agent> agents = new ArrayList<>();
    private final Set<ProcessHandle> started = ConcurrentHashMap.newKeySet();
    private final Path directory;
    private final Path tokenFile;
    private final String role;
    private boolean closed;

    private SpawnCluster(Path directory, Path tokenFile, String role) {
        this.directory = directory;
        this.tokenFile = tokenFile;
        this.role = role;
    }

    /**
     * Starts {@code size} members on {@code ip}; returns once every agent process is started and the spawner's
     * API accepts connections (the console shows when the cluster is whole).
     *
     * @param modulePath the agent's jar and its libraries, as {@code bin/serfnode} puts them on the module path
     * @param image      the member image the spawner runs Docker members of
     */
    static SpawnCluster start(Path directory, String modulePath, String ip, String role, int size, String profile,
                              String image, String javaOptions) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path tokenFile = Files.writeString(directory.resolve("api-token"),
                "spawn-bench-" + Long.toHexString(System.nanoTime()) + "\n", StandardCharsets.UTF_8);
        SpawnCluster cluster = new SpawnCluster(directory, tokenFile, role);
        try {
            String join = null;
            for (int i = 0; i < size; i++) {
                String name = i == 0 ? role + "-1" : "peer-" + i;
                String roles = i == 0 ? role : "peer";
                Agent agent = cluster.launch(modulePath, name, roles, ip, join, profile, image, javaOptions);
                if (join == null) {
                    join = ip + ":" + agent.gossipPort();
                }
            }
            cluster.awaitApi(cluster.spawner(), 120);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    Agent spawner() {
        return agents.getFirst();
    }

    List<String> names() {
        return agents.stream().map(Agent::name).toList();
    }

    String role() {
        return role;
    }

    Path tokenFile() {
        return tokenFile;
    }

    Path directory() {
        return directory;
    }

    /** Tells why when an agent has exited. */
    void checkRunning() {
        for (Agent agent : agents) {
            if (!agent.process().isAlive()) {
                throw new IllegalStateException(agent.name() + "'s agent exited with " + agent.process().exitValue()
                        + "; its log: " + agent.log());
            }
        }
    }

    private Agent launch(String modulePath, String name, String roles, String ip, String join, String profile,
                         String image, String javaOptions) throws IOException {
        int gossip = FreePorts.pick(ip);
        int rpc = FreePorts.pick(ip);
        int ws = FreePorts.pick(ip);
        Path memberDir = directory.resolve(name);
        Files.createDirectories(memberDir.resolve("state"));
        Path config = Files.writeString(memberDir.resolve("serfnode.yml"), """
                serfnode:
                  role: "%s"
                children:
                  - app:
                      exec: "sleep 86400"
                      startsecs: 0
                """.formatted(roles), StandardCharsets.UTF_8);
        Path log = memberDir.resolve("agent.log");
        // as bin/serfnode agent: the agent's JVM flags, which the process members it spawns inherit
        List<String> command = new ArrayList<>(List.of(javaLauncher()));
        command.addAll(agentJvmFlags());
        command.addAll(List.of(
                // as bin/serfnode: the log manager keeps logging while the member shuts down
                "-Djava.util.logging.manager=io.serfnode.agent.support.ShutdownSafeLogManager",
                "-p", modulePath, "-m", MAIN, "agent",
                "--name", name,
                "--config", config.toString(),
                "--bind", ip + ":" + gossip,
                "--rpc", ip + ":" + rpc,
                "--ws", ip + ":" + ws,
                "--token-file", tokenFile.toString(),
                "--state-dir", memberDir.resolve("state").toString(),
                "--runtime", "process",
                "--profile", profile,
                "--member-image", image));
        if (join != null) {
            command.addAll(List.of("--join", join));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (!javaOptions.isBlank()) {
            // the environment reaches the process members it spawns, which run on its own launcher
            builder.environment().put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        Process process = builder.start();
        started.add(process.toHandle());
        Agent agent = new Agent(name, ip, gossip, ws, log, process);
        agents.add(agent);
        return agent;
    }

    /**
     * The flags of installers/agent/jvm.options that this JVM's release understands, as bin/serfnode passes them
     * (compact object headers are a product flag from release 25 on).
     */
    static List<String> agentJvmFlags() throws IOException {
        Path options = Path.of("installers", "agent", "jvm.options");
        if (!Files.isRegularFile(options)) {
            throw new IOException(options.toAbsolutePath() + " is missing: run the harness from the checkout's root");
        }
        int feature = Runtime.version().feature();
        List<String> flags = new ArrayList<>();
        for (String line : Files.readAllLines(options, StandardCharsets.UTF_8)) {
            String flag = line.strip();
            if (flag.isEmpty() || flag.startsWith("#")
                    || (flag.equals("-XX:+UseCompactObjectHeaders") && feature < 25)) {
                continue;
            }
            flags.add(flag);
        }
        return flags;
    }

    private void awaitApi(Agent agent, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            checkRunning();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(agent.ip(), agent.wsPort()), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(agent.name() + "'s API did not open within " + seconds + " s; its log: "
                + agent.log());
    }

    /**
     * Stops every agent with SIGTERM and waits for them; then ends by pid anything it started that is left (an
     * agent that did not stop in time, serf agents, children). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Agent agent : agents) {
            agent.process().toHandle().descendants().forEach(started::add);
        }
        for (Agent agent : agents) {
            agent.process().destroy();
        }
        for (Agent agent : agents) {
            try {
                agent.process().onExit().get(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println(agent.name() + "'s agent did not stop within " + STOP_PATIENCE_SECONDS
                        + " s of SIGTERM; ending it");
            }
        }
        for (ProcessHandle handle : started) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly(); // a handle ends only the process it was taken from, never a reused pid
        }
    }

    private static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("the path of this JVM's java launcher is unknown"));
    }
}
