package io.serfnode.bench.ws;

import io.serfnode.bench.agent.MachineFacts;
import io.serfnode.agent.api.CommandService;
import io.serfnode.agent.api.ws.WsLimits;
import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.model.Payload;
import io.serfnode.model.event.UserEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Fan-out: a WebSocket API over a cluster the harness drives emits user events at a fixed rate from one thread
 * while real clients on 127.0.0.1 read them all, by default in a second JVM. Each event's payload carries its
 * number and the {@link System#nanoTime()} of its emission (on Linux the same monotonic clock in every JVM
 * of the machine), so each client measures the delay from the API's append to its receipt. A first run with
 * one client gives the baseline: the delay that fan-out adds is the many-client delay minus that.
 */
final class FanoutBench {
    private static final String TOKEN = "fanout-bench-token";
    private static final String EVENT_NAME = "bench.fanout";

    private final FanoutSettings settings;
    private final Path workDir;
    private final PrintStream out;

    /** @param workDir where a client JVM's log and results file go */
    FanoutBench(FanoutSettings settings, Path workDir, PrintStream out) {
        this.settings = settings;
        this.workDir = workDir;
        this.out = out;
    }

    FanoutResult run() throws IOException, InterruptedException {
        LatencySummary baseline = null;
        if (settings.clients() > 1 && !settings.baseline().isZero()) {
            FanoutSettings single = settings.withClients(1).withDuration(settings.baseline());
            out.printf("fan-out baseline: 1 client, %d events/s for %s (+ %s warm-up)%n", single.rate(),
                    single.duration(), single.warmup());
            Phase phase = phase(single);
            FanoutResult alone = FanoutResult.of(single, phase, null);
            out.println(alone.markdown());
            baseline = alone.all();
        }
        Phase phase = phase(settings);
        return FanoutResult.of(settings, phase, baseline);
    }

    /** What one run of emission measured, with the machine's load around it. */
    /**
     * @param serverCpuSeconds CPU time of the harness's JVM (the API, the emitter and in-process clients)
     * @param clientCpuSeconds CPU time of the client JVM; NaN when the clients run in the harness's JVM
     */
    record Phase(List<FanoutReader.Result> results, double emitSeconds, Emission emission, String loadBefore,
                 String loadAfter, double serverCpuSeconds, double clientCpuSeconds) {
    }

    private Phase phase(FanoutSettings run) throws IOException, InterruptedException {
        DrivenClusterAccess cluster = new DrivenClusterAccess("fanout-bench");
        // the clients only read; a command would be a harness bug, and its result never coming shows it
        CommandService noCommands = (request, progress) -> new CompletableFuture<>();
        try (WsServer server = WsServer.start(WsServerConfig.loopback(TOKEN)
                .withLimits(WsLimits.DEFAULT.withQueueLimit(run.queueLimit())), cluster, noCommands);
             FanoutClients clients = clients(run, server)) {
            clients.awaitSubscribed(Duration.ofSeconds(20));
            out.printf("fan-out: %d clients (%s) subscribed to %s; emitting %d events/s for %s (+ %s warm-up)%n",
                    run.clients(), run.clientsInOwnJvm() ? "in a second JVM" : "in the server's JVM",
                    server.uri(), run.rate(), run.duration(), run.warmup());
            String loadBefore = MachineFacts.loadAverage();
            double serverCpu = cpuSeconds(ProcessHandle.current());
            double clientCpu = clients.process().map(FanoutBench::cpuSeconds).orElse(Double.NaN);
            long emitStart = System.nanoTime();
            Emission emission = emit(cluster, run);
            double emitSeconds = (System.nanoTime() - emitStart) / 1e9;
            // taken before the clients finish: their reading of the last events is part of what is measured
            serverCpu = cpuSeconds(ProcessHandle.current()) - serverCpu;
            clientCpu = clients.process().map(FanoutBench::cpuSeconds).orElse(Double.NaN) - clientCpu;
            List<FanoutReader.Result> results = clients.results(Duration.ofSeconds(30));
            String loadAfter = MachineFacts.loadAverage();
            return new Phase(results, emitSeconds, emission, loadBefore, loadAfter, serverCpu, clientCpu);
        }
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
    }

    private FanoutClients clients(FanoutSettings run, WsServer server) throws IOException {
        if (run.clientsInOwnJvm()) {
            return new ClientJvm(server.uri(), TOKEN, run.clients(), run.totalEvents(), run.warmupEvents(),
                    workDir);
        }
        return new InProcessClients(server.uri(), TOKEN, run.clients(), run.totalEvents(), run.warmupEvents());
    }

    /** @param late events that left more than 1 ms after their planned time */
    record Emission(long late, long publishNanos) {
    }

    /**
     * Emits every event at its planned time; returns how many left more than 1 ms after it (the emitter fell
     * behind) and how long the emitting thread spent inside the API's append, which hands each event to every
     * client's queue and, for a client whose socket is idle, encodes and starts sending it on this thread.
     */
    private static Emission emit(DrivenClusterAccess cluster, FanoutSettings run) {
        long total = run.totalEvents();
        long interval = 1_000_000_000L / run.rate();
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
