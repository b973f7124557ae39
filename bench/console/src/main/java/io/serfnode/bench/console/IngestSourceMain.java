package io.serfnode.bench.console;

import io.serfnode.agent.api.ws.WsLimits;
import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.model.SupervisedChild;
import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.session.ConnectionSettings;
import io.serfnode.console.session.SessionListener;
import io.serfnode.console.session.SessionUpdate;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ingest benchmark's event source, in a process of its own as an agent is on another machine than the
 * operator's console: {@link IngestCluster} behind the agent's real WebSocket API ({@link WsServer}), fed by
 * {@link LoadGenerator} when told to. Its garbage collections, compilations and threads are then its own, not
 * the console's.
 *
 * <p>It speaks with {@link IngestSource} in lines: on stdout {@code @ready URI} once it serves; on stdin
 * {@code warm SECONDS}: it sends events at the rate to a client of its own for that long (an agent that has run
 * for a while has its code compiled), answered by {@code @warmed}; {@code flood}, answered by {@code @started}
 * and, after the last event, {@code @cpu NANOS PART} lines (what its parts spent on the flood) and
 * {@code @flooded DELIVERED NANOS SEQ} (SEQ: the stream's {@code seq} of that event); {@code finish FILE},
 * answered by the children's final states written to FILE (one {@code member child state counter} a line) and
 * {@code @finished}. It exits when
 * its stdin closes, so it never outlives the harness.
 */
public final class IngestSourceMain {
    static final String PREFIX = "@";

    private IngestSourceMain() {
    }

    public static void main(String[] args) throws Exception {
        IngestSettings settings = IngestSettings.defaults();
        Path tokenFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--ingest-cluster" -> settings = settings.withCluster(Scenario.parse(value));
                case "--rate" -> settings = settings.withEventsPerSecond(Double.parseDouble(value));
                case "--ingest-seconds" -> settings = settings.withSeconds(Double.parseDouble(value));
                case "--queue-limit" -> settings = settings.withQueueLimit(Integer.parseInt(value));
                case "--token-file" -> tokenFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        if (tokenFile == null) {
            throw new IllegalArgumentException("--token-file is missing");
        }
        String token = Files.readString(tokenFile).strip();
        IngestCluster cluster = new IngestCluster(settings.members(), settings.childrenPerMember(), 42);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (WsServer server = WsServer.start(WsServerConfig.loopback(token)
                        .withLimits(WsLimits.DEFAULT.withQueueLimit(settings.queueLimit())), cluster,
                (request, progress) -> new CompletableFuture<>())) {
            out.println(PREFIX + "ready " + server.uri());
            long total = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("warm ")) {
                    total += warm(cluster, server, token, settings.eventsPerSecond(),
                            Double.parseDouble(line.substring("warm ".length())));
                    out.println(PREFIX + "warmed");
                } else if (line.equals("flood")) {
                    ThreadCpu before = ThreadCpu.now();
                    long processBefore = ThreadCpu.process();
                    LoadGenerator generator = new LoadGenerator(cluster, settings.eventsPerSecond(), settings.seconds());
                    generator.start();
                    out.println(PREFIX + "started");
                    generator.join();
                    total += generator.delivered();
                    Map<String, Long> parts = ThreadCpu.now().since(before, IngestSourceMain::partOf);
                    parts.forEach((part, nanos) -> out.println(PREFIX + "cpu " + nanos + " " + part));
                    out.println(PREFIX + "cpu " + (ThreadCpu.process() - processBefore) + " " + IngestResult.SOURCE_PROCESS);
                    out.println(PREFIX + "flooded " + generator.delivered() + " "
                            + (generator.endNanos() - generator.startNanos()) + " " + total);
                } else if (line.startsWith("finish ")) {
                    writeTruth(cluster, Path.of(line.substring("finish ".length())));
                    out.println(PREFIX + "finished");
                } else {
                    throw new IllegalArgumentException("unknown command '" + line + "'");
                }
            }
        }
        System.exit(0);
    }

    /** Sends events at the rate to a client of its own (one the console's session) that reads and drops them. */
    private static long warm(IngestCluster cluster, WsServer server, String token, double rate, double seconds)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        try (WebSocketClusterSession client = new WebSocketClusterSession()) {
            client.open(ConnectionSettings.to(server.uri(), token), new SessionListener() {
                @Override
                public void onStart(Closeable session) {
                }

                @Override
                public void onNext(SessionUpdate update) {
                    if (update instanceof SessionUpdate.SnapshotReceived) {
                        connected.countDown();
                    }
                }

                @Override
                public void onError(Throwable failure) {
                }

                @Override
                public void onComplete() {
                }
            });
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the warm-up client got no snapshot within 60 s");
            }
            LoadGenerator generator = new LoadGenerator(cluster, rate, seconds);
            generator.start();
            generator.join();
            return generator.delivered();
        }
    }

    /** The part of the source a thread belongs to. */
    static String partOf(String thread) {
        if (thread.equals("load-generator")) {
            return "source: load generator";
        }
        if (thread.startsWith("grizzly") || thread.startsWith("ws-") || thread.startsWith("ForkJoinPool")
                || thread.contains("Tyrus") || thread.contains("tyrus")) {
            return "source: agent WebSocket API";
        }
        if (thread.startsWith("GC") || thread.startsWith("G1") || thread.contains("Compiler")) {
            return "source: JVM (GC, JIT)";
        }
        return "source: other";
    }

    private static void writeTruth(IngestCluster cluster, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (String member : cluster.names()) {
                for (SupervisedChild child : cluster.childrenOf(member)) {
                    writer.write(member + " " + child.child().name() + " " + child.status().state() + " "
                            + child.status().counter() + "\n");
                }
            }
        }
    }
}
