package io.serfnode.bench.ws;

import io.serfnode.bench.agent.MachineFacts;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.model.Payload;
import io.serfnode.model.event.UserEvent;
import io.serfnode.model.wire.ResumeMessage;
import io.serfnode.model.wire.WireCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fan-out: a WebSocket API over a cluster the harness drives emits user events at a fixed rate from one thread
 * while real clients on 127.0.0.1 read them all. Each event's payload carries its number and the
 * {@link System#nanoTime()} of its emission, so each client measures the delay the API adds.
 */
final class FanoutBench {
    private static final String TOKEN = "fanout-bench-token";
    private static final String EVENT_NAME = "bench.fanout";

    private final FanoutSettings settings;
    private final PrintStream out;

    FanoutBench(FanoutSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    FanoutResult run() throws IOException, InterruptedException {
        DrivenClusterAccess cluster = new DrivenClusterAccess("fanout-bench");
        // the clients only read; a command would be a harness bug, and its result never coming shows it
        CommandService noCommands = (request, progress) -> new CompletableFuture<>();
        WireCodec codec = new WireCodec();
        List<FanoutReader> readers = new ArrayList<>();
        List<TimedClient> clients = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (WsServer server = WsServer.start(WsServerConfig.loopback(TOKEN), cluster, noCommands)) {
            for (int i = 0; i < settings.clients(); i++) {
                FanoutReader reader = new FanoutReader(settings.totalEvents(), settings.warmupEvents());
                TimedClient client = TimedClient.authenticated(http, server.uri(), TOKEN, codec, reader);
                readers.add(reader);
                clients.add(client);
                client.send(ResumeMessage.fresh());
            }
            for (FanoutReader reader : readers) {
                if (!reader.subscribed().await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a client got no snapshot within 20 s of resume");
                }
            }
            out.printf("fan-out: %d clients subscribed to %s; emitting %d events/s for %s (+ %s warm-up)%n",
                    settings.clients(), server.uri(), settings.rate(), settings.duration(), settings.warmup());
            String loadBefore = MachineFacts.loadAverage();
            long emitStart = System.nanoTime();
            Emission emission = emit(cluster);
            double emitSeconds = (System.nanoTime() - emitStart) / 1e9;
            for (FanoutReader reader : readers) {
                reader.finished().await(30, TimeUnit.SECONDS);
            }
            String loadAfter = MachineFacts.loadAverage();
            List<FanoutReader.Result> results = readers.stream().map(FanoutReader::result).toList();
            return FanoutResult.of(settings, results, emitSeconds, emission, loadBefore, loadAfter);
        } finally {
            clients.forEach(TimedClient::close);
            http.shutdownNow();
        }
    }

    /** @param late events that left more than 1 ms after their planned time */
    record Emission(long late, long publishNanos) {
    }

    /**
     * Emits every event at its planned time; returns how many left more than 1 ms after it (the emitter fell
     * behind) and how long the emitting thread spent inside the API's append, which hands each event to every
     * client's queue and, for a client whose socket is idle, encodes and starts sending it on this thread.
     */
    private Emission emit(DrivenClusterAccess cluster) {
        long total = settings.totalEvents();
        long interval = 1_000_000_000L / settings.rate();
        long start = System.nanoTime();
        long late = 0;
        long publishNanos = 0;
        for (long seq = 0; seq < total; seq++) {
            long planned = start + seq * interval;
            long now;
            while ((now = System.nanoTime()) < planned) {
                LockSupport.parkNanos(planned - now);
            }
            if (now - planned > 1_000_000) {
                late++;
            }
            long emitted = System.nanoTime();
            byte[] payload = (seq + " " + emitted).getBytes(StandardCharsets.US_ASCII);
            cluster.publish(new UserEvent(Instant.now(), EVENT_NAME, Payload.of(payload), false, seq));
            publishNanos += System.nanoTime() - emitted;
        }
        return new Emission(late, publishNanos);
    }
}
