package io.serfnode.bench.ws;

import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.spawn.DockerSpawnerConfig;
import io.serfnode.agent.spawn.SpawnSettings;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.agent.support.LogSetup;
import io.serfnode.bench.agent.Percentiles;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.command.SpawnMember;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.wire.CommandMessage;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.ResultMessage;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.ServerMessage;
import io.serfnode.model.wire.WireCodec;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Spawn latency: from sending {@code spawn-member} (template, one member) over the WebSocket API to the
 * {@code member-join} event of the new member reaching the same client, {@code --runs} times (default 10).
 * One member runs in this JVM; each new member is an agent process ({@code --runtime process}, the default) or a
 * container of the member image ({@code --runtime docker}, {@code --image TAG}, default the tag {@code make image}
 * builds) that it spawns, and stops at the end.
 */
public final class SpawnBenchMain {
    private static final String TOKEN = "spawn-bench-token";
    private static final String TEMPLATE = """
            serfnode:
              role: %s
            children:
              - app:
                  exec: sleep 600
                  startsecs: 0
            """;

    private SpawnBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        RuntimeKind runtime = RuntimeKind.PROCESS;
        String image = DockerSpawnerConfig.DEFAULT_IMAGE;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(required(args[i], value));
                case "--runtime" -> runtime = runtime(required(args[i], value));
                case "--image" -> image = required(args[i], value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; expected --runs N, --runtime process|docker, --image TAG");
            }
            i++;
        }
        // container names are member names: a role of its own keeps them apart from anything else on the engine
        String role = runtime == RuntimeKind.DOCKER
                ? "bench" + Long.toHexString(System.nanoTime() & 0xffffff) : "web";
        LogSetup.configure("warn");
        Path home = Files.createTempDirectory("serfnode-spawn-bench-");
        Files.createDirectories(home.resolve("templates"));
        Files.writeString(home.resolve("templates").resolve("web.yml"), TEMPLATE.formatted(role));
        String host = "127.0.0.1";
        MemberAgentConfig config = MemberAgentConfig.local("spawner", SerfAddress.of(host, FreePorts.pick(host)),
                        SerfAddress.of(host, FreePorts.pick(host)), home.resolve("spawner"))
                .withRuntimeMode(RuntimeMode.PROCESS)
                .withApi(WsServerConfig.of(host, FreePorts.pick(host), TOKEN))
                .withSpawn(SpawnSettings.DEFAULTS.withTemplatesDir(home.resolve("templates")).withLogLevel("warn")
                        .withMemberImage(image));
        Map<String, CompletableFuture<Long>> joins = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<ResultMessage>> results = new ConcurrentHashMap<>();
        List<Double> millis = new ArrayList<>();
        try (MemberAgent spawner = new MemberAgent(config)) {
            spawner.start();
            TimedClient client = TimedClient.authenticated(HttpClient.newHttpClient(), spawner.api().orElseThrow().uri(),
                    TOKEN, new WireCodec(), (ServerMessage message, long received) -> {
                        if (message instanceof EventMessage event && event.event() instanceof MemberJoined joined) {
                            joins.computeIfAbsent(joined.member().name(), name -> new CompletableFuture<>())
                                    .complete(received);
                        } else if (message instanceof ResultMessage result) {
                            results.computeIfAbsent(result.id(), id -> new CompletableFuture<>()).complete(result);
                        }
                    });
            client.send(ResumeMessage.fresh());
            for (int run = 1; run <= runs; run++) {
                String id = "spawn-" + run;
                String name = role + "-" + run;
                long sent = System.nanoTime();
                client.send(new CommandMessage(id, SpawnMember.fromTemplate("web").withRuntime(runtime)));
                long joined = joins.computeIfAbsent(name, key -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
                ResultMessage result = results.computeIfAbsent(id, key -> new CompletableFuture<>())
                        .get(60, TimeUnit.SECONDS);
                double took = (joined - sent) / 1e6;
                millis.add(took);
                System.out.printf("run %2d: %s joined after %.0f ms (result %s%s)%n", run, name, took,
                        result.outcome().wireName(), result.error() == null ? "" : ": " + result.error());
            }
            client.close();
            long removing = System.nanoTime();
            spawner.spawning().close();
            System.out.printf("stopping and removing the %d spawned members took %.0f ms%n", runs,
                    (System.nanoTime() - removing) / 1e6);
            System.out.println("spawn (" + runtime.wireName() + (runtime == RuntimeKind.DOCKER ? ", " + image : "")
                    + ") -> member-join seen by a WebSocket client, " + runs + " runs (ms): "
                    + Percentiles.of(millis));
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static RuntimeKind runtime(String value) {
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--runtime '" + value + "' is not one of process, docker");
    }
}
