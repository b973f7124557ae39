package io.serfnode.agent.serf.rpc;

import static org.awaitility.Awaitility.await;

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
 * Starts real {@code serf agent} processes on 127.0.0.x for the integration tests of this package and
 * kills every one of them, by PID, in {@link #close()}.
 */
final class SerfTestAgents implements AutoCloseable {
    /** Host octets used by this package's tests, away from other tests' addresses. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(0);

    private final List<Agent> agents = new ArrayList<>();
    private final List<SerfRpcClient> clients = new ArrayList<>();
    private final Path logDir;

    SerfTestAgents() throws IOException {
        logDir = Files.createDirectories(Path.of("target", "serf-agents"));
    }

    record Agent(String name, String host, int bindPort, int rpcPort, Process process, Path log, String authKey) {
        String bindAddress() {
            return host + ":" + bindPort;
        }

        SerfRpcConfig rpcConfig() {
            return SerfRpcConfig.of(host, rpcPort).withAuthKey(authKey).withMember(name);
        }

        long pid() {
            return process.pid();
        }

        /** SIGKILL, so that the cluster sees a failure, not a leave. */
        void kill() {
            ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.onExit().join();
        }
    }

    /** Options of one agent: tags, an encryption key, an RPC auth key. */
    record Options(Map<String, String> tags, String encryptKey, String rpcAuth) {
        static Options none() {
            return new Options(Map.of(), null, null);
        }

        Options withTags(Map<String, String> tags) {
            return new Options(tags, encryptKey, rpcAuth);
        }

        Options withEncryptKey(String key) {
            return new Options(tags, key, rpcAuth);
        }

        Options withRpcAuth(String key) {
            return new Options(tags, encryptKey, key);
        }
    }

    Agent start(String name) throws IOException {
        return start(name, Options.none());
    }

    Agent start(String name, Options options) throws IOException {
        String host = "127.0.71." + (10 + NEXT_HOST.getAndIncrement() % 200);
        int bindPort = freePort(host);
        int rpcPort = freePort(host);
        Path log = logDir.resolve(name + "-" + host + ".log");
        List<String> command = new ArrayList<>(List.of("serf", "agent",
                "-node=" + name,
                "-bind=" + host + ":" + bindPort,
                "-rpc-addr=" + host + ":" + rpcPort,
                "-profile=local",
                "-log-level=debug"));
        options.tags().forEach((key, value) -> command.add("-tag=" + key + "=" + value));
        if (options.encryptKey() != null) {
            command.add("-encrypt=" + options.encryptKey());
        }
        if (options.rpcAuth() != null) {
            Path config = logDir.resolve(name + "-" + host + "-rpc.json");
            Files.writeString(config, "{\"rpc_auth\": \"" + options.rpcAuth() + "\"}");
            command.add("-config-file=" + config);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start the serf binary (is the 'serf' package installed?): " + command, e);
        }
        Agent agent = new Agent(name, host, bindPort, rpcPort, process, log, options.rpcAuth());
        agents.add(agent);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .failFast("serf agent " + name + " exited, see " + log, () -> !process.isAlive())
                .until(() -> accepts(host, rpcPort));
        return agent;
    }

    /** A connected client, closed in {@link #close()}. */
    SerfRpcClient client(Agent agent) {
        return client(agent.rpcConfig());
    }

    SerfRpcClient client(SerfRpcConfig config) {
        SerfRpcClient client = SerfRpcClient.connect(config);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SerfRpcClient::close);
        for (Agent agent : agents) {
            ProcessHandle.of(agent.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Agent agent : agents) {
            agent.process().onExit().join();
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }
}
