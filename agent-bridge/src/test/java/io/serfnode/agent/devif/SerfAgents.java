package io.serfnode.agent.devif;

import static org.awaitility.Awaitility.await;

import io.serfnode.agent.serf.rpc.SerfRpcClient;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real {@code serf agent} processes on 127.0.72.x for this package's integration tests; {@link #close()}
 * kills each of them by PID.
 */
final class SerfAgents implements AutoCloseable {
    private static final AtomicInteger NEXT_HOST = new AtomicInteger();

    record Agent(String name, String host, int bindPort, int rpcPort, Process process) {
        String bindAddress() {
            return host + ":" + bindPort;
        }
    }

    private final List<Agent> agents = new ArrayList<>();
    private final List<SerfRpcClient> clients = new ArrayList<>();
    private final Path logDir;

    SerfAgents() throws IOException {
        logDir = Files.createDirectories(Path.of("target", "serf-agents"));
    }

    Agent start(String name, Map<String, String> tags) throws IOException {
        String host = "127.0.72." + (10 + NEXT_HOST.getAndIncrement() % 200);
        int bindPort = freePort(host);
        int rpcPort = freePort(host);
        List<String> command = new ArrayList<>(List.of("serf", "agent", "-node=" + name,
                "-bind=" + host + ":" + bindPort, "-rpc-addr=" + host + ":" + rpcPort, "-profile=local"));
        tags.forEach((key, value) -> command.add("-tag=" + key + "=" + value));
        Path log = logDir.resolve("devif-" + name + "-" + host + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException cannotStart) {
            throw new IOException("cannot start the serf binary (is the 'serf' package installed?): " + command,
                    cannotStart);
        }
        Agent agent = new Agent(name, host, bindPort, rpcPort, process);
        agents.add(agent);
        await().atMost(Duration.ofSeconds(20))
                .failFast("serf agent " + name + " exited, see " + log, () -> !process.isAlive())
                .until(() -> accepts(host, rpcPort));
        return agent;
    }

    SerfRpcClient client(Agent agent) {
        SerfRpcClient client = SerfRpcClient.connect(SerfRpcConfig.of(agent.host(), agent.rpcPort()).withMember(agent.name()));
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SerfRpcClient::close);
        agents.forEach(agent -> ProcessHandle.of(agent.process().pid()).ifPresent(ProcessHandle::destroyForcibly));
        agents.forEach(agent -> agent.process().onExit().join());
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }
}
