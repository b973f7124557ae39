package io.serfnode.agent.spawn;

import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.spawn.MemberContainerPlan.ContainerFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Decides how a member container is made: its arguments, the files copied into it and its mounts. Its
 * configuration, token, TLS files and gossip key are copied into the container rather than bind-mounted, because
 * the spawner may itself run in a container, where its paths are not the engine's.
 */
final class MemberContainerPlanner {
    /** Where the files a member container is given are put. */
    static final String CONFIG_DIR = "/etc/serfnode";
    /** Where the engine's socket is mounted, the place the member image's Docker runtime looks by default. */
    static final String SOCKET = "/var/run/docker.sock";
    private static final int PUBLIC = 0644;
    private static final int SECRET = 0400;

    private final String spawner;
    private final DockerSpawnerConfig config;
    private final ToIntFunction<String> freePort;

    /**
     * @param spawner  the spawning member's name, for the labels
     * @param config   how the spawner makes members
     * @param freePort picks a free port on an address
     */
    MemberContainerPlanner(String spawner, DockerSpawnerConfig config, ToIntFunction<String> freePort) {
        this.spawner = Objects.requireNonNull(spawner, "spawner");
        this.config = Objects.requireNonNull(config, "config");
        this.freePort = Objects.requireNonNull(freePort, "freePort");
    }

    MemberContainerPlan plan(String name, SpawnPlan plan) throws IOException {
        String host = config.member().bindHost();
        SerfAddress bind = SerfAddress.of(host, freePort.applyAsInt(host));
        String rpcHost = isLoopback(host) ? host : "127.0.0.1";
        SerfAddress rpc = SerfAddress.of(rpcHost, freePort.applyAsInt(rpcHost));
        Map<String, ContainerFile> files = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>(List.of("--name", name,
                "--bind", bind.toString(), "--rpc", rpc.toString(), "--join", config.member().join().toString(),
                "--profile", config.member().profile().configValue(),
                // Docker children through the mounted socket, process children always
                "--runtime", "auto",
                "--log-level", config.member().logLevel()));
        for (String role : plan.roles()) {
            arguments.addAll(List.of("--role", role));
        }
        if (!plan.configuration().isEmpty()) {
            files.put(CONFIG_DIR + "/serfnode.yml", new ContainerFile(
                    plan.configuration().text().getBytes(StandardCharsets.UTF_8), PUBLIC));
            arguments.addAll(List.of("--config", CONFIG_DIR + "/serfnode.yml"));
        }
        SerfAddress ws = null;
        if (config.member().wsHost() != null) {
            ws = SerfAddress.of(config.member().wsHost(), freePort.applyAsInt(config.member().wsHost()));
            byte[] token = config.member().tokenFile() != null ? read(config.member().tokenFile(), "the API token file")
                    : config.member().token().getBytes(StandardCharsets.UTF_8);
            files.put(CONFIG_DIR + "/api-token", new ContainerFile(token, SECRET));
            arguments.addAll(List.of("--ws", ws.toString(), "--token-file", CONFIG_DIR + "/api-token"));
            if (config.member().tls() != null) {
                files.put(CONFIG_DIR + "/tls-cert.pem", new ContainerFile(
                        read(config.member().tls().certificateChain(), "the API's TLS certificate"), PUBLIC));
                files.put(CONFIG_DIR + "/tls-key.pem", new ContainerFile(
                        read(config.member().tls().privateKey(), "the API's TLS key"), SECRET));
                arguments.addAll(List.of("--tls-cert", CONFIG_DIR + "/tls-cert.pem",
                        "--tls-key", CONFIG_DIR + "/tls-key.pem"));
            }
        }
        if (config.member().encryptKey() != null) {
            files.put(CONFIG_DIR + "/encrypt-key", new ContainerFile(
                    config.member().encryptKey().getBytes(StandardCharsets.UTF_8), SECRET));
            arguments.addAll(List.of("--encrypt-key-file", CONFIG_DIR + "/encrypt-key"));
        }
        List<String> binds = new ArrayList<>();
        List<String> environment = new ArrayList<>();
        String scheme = config.dockerHost().getScheme();
        if ("unix".equals(scheme)) {
            binds.add(config.dockerHost().getPath() + ":" + SOCKET);
        } else {
            // host networking: a tcp engine address means the same inside the member as here
            environment.add("DOCKER_HOST=" + config.dockerHost());
        }
        return new MemberContainerPlan(name, config.image(), arguments, files, binds, environment,
                SpawnLabels.of(spawner, name), bind, ws);
    }

    private static byte[] read(Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(what + " " + file + " cannot be read for the new member: " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("::1");
    }
}
