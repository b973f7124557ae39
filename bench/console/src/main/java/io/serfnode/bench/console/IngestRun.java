package io.serfnode.bench.console;

import com.sun.javafx.perf.PerformanceTracker;
import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.api.ws.WsLimits;
import io.serfnode.console.app.ConsoleServices;
import io.serfnode.console.app.ConsoleStage;
import io.serfnode.console.app.LaunchOptions;
import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.state.ChildView;
import io.serfnode.console.state.ClusterState;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.SupervisedChild;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;

/**
 * One ingest run: the agent's real WebSocket API ({@link WsServer}) serves {@link IngestCluster}; the real console
 * ({@link ConsoleStage} with {@link WebSocketClusterSession}, as {@code serfnode console --connect} builds it)
 * connects to it; once its graph shows every member, {@link LoadGenerator} sends the live events while
 * {@link PulseProbe} times every pulse.
 */
final class IngestRun {
    private static final String TOKEN = "ingest-bench-token";
    private final IngestSettings settings;

    IngestRun(IngestSettings settings) {
        this.settings = settings;
    }

    IngestResult run() throws Exception {
        IngestCluster cluster = new IngestCluster(settings.members(), settings.childrenPerMember(), 42);
        Path work = Files.createTempDirectory("serfnode-ingest-bench");
        Path tokenFile = Files.writeString(work.resolve("token"), TOKEN);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PulseProbe probe = new PulseProbe((int) (settings.seconds() + 120) * 240);
        try (WsServer server = WsServer.start(WsServerConfig.loopback(TOKEN)
                        .withLimits(WsLimits.DEFAULT.withQueueLimit(settings.queueLimit())), cluster,
                (request, progress) -> new CompletableFuture<>())) {
            AtomicReference<CountingSession> session = new AtomicReference<>();
            ConsoleServices services = ConsoleServices.defaults(work.resolve("config"))
                    .withSessions(() -> {
                        CountingSession counting = new CountingSession(new WebSocketClusterSession());
                        session.set(counting);
                        return counting;
                    })
                    .withNotifications(false);
            LaunchOptions options = LaunchOptions.parse(List.of("--connect", server.uri().toString(),
                    "--token-file", tokenFile.toString(), "--config-dir", work.resolve("config").toString()));

            AtomicLong showStart = new AtomicLong();
            AtomicLong shown = new AtomicLong();
            AtomicLong graphFull = new AtomicLong();
            AtomicLong firstFrameAfterFull = new AtomicLong();
            ConsoleStage[] console = new ConsoleStage[1];
            String[] fxThread = new String[1];
            RenderRun.onFx(() -> {
                fxThread[0] = Thread.currentThread().getName();
                probe.install();
                Stage stage = new Stage();
                showStart.set(System.nanoTime());
                console[0] = ConsoleStage.show(stage, services, options);
                shown.set(System.nanoTime());
                ClusterState state = console[0].model().clusterState();
                probe.watch(state::seq, () -> {
                    if (graphFull.get() == 0
                            && console[0].window().overviewPane().graphModel().size() == settings.members()
                            && console[0].window().overviewPane().drawnLatest()) {
                        graphFull.set(System.nanoTime());
                    }
                });
                PerformanceTracker.getSceneTracker(stage.getScene()).setOnRenderedFrameTask(() -> {
                    if (graphFull.get() != 0) {
                        firstFrameAfterFull.compareAndSet(0, System.nanoTime());
                    }
                });
            });
            waitFor("the graph to show " + settings.members() + " members", 60, () -> firstFrameAfterFull.get() != 0);
            CountingSession counting = session.get();

            LoadGenerator generator = new LoadGenerator(cluster, settings.eventsPerSecond(), settings.seconds());
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Map<Long, ThreadTimes> cpuBefore = cpuByThread(threads);
            long processCpuBefore = processCpu();
            probe.measuring(true);
            generator.start();
            LoadSampler load = LoadSampler.start();
            generator.join();
            long expected = generator.delivered();
            AtomicLong applied = new AtomicLong();
            AtomicLong caughtUp = new AtomicLong();
            AtomicLong reached = new AtomicLong();
            // the stream's seq starts at 1 with the first event, so the last one sent has seq == expected
            waitFor("the view model to reach seq " + expected, 120, () -> {
                RenderRun.onFx(() -> {
                    ClusterState state = console[0].model().clusterState();
                    applied.set(state.eventsApplied());
                    reached.set(state.seq());
                });
                if (reached.get() >= expected && caughtUp.get() == 0) {
                    caughtUp.set(System.nanoTime());
                }
                return reached.get() >= expected;
            });
            probe.measuring(false);
            double loadAverage = load.stop();
            long processCpu = processCpu() - processCpuBefore;
            Map<String, Long> cpuByGroup = cpuByGroup(cpuBefore, cpuByThread(threads), fxThread[0]);

            PulseProbe.Pulses[] pulses = new PulseProbe.Pulses[1];
            int[] mismatches = new int[1];
            long[] seqAtEnd = new long[1];
            long[] snapshotsAtEnd = new long[1];
            RenderRun.onFx(() -> {
                pulses[0] = probe.pulses();
                probe.uninstall();
                ClusterState state = console[0].model().clusterState();
                seqAtEnd[0] = state.seq();
                snapshotsAtEnd[0] = state.snapshots();
                mismatches[0] = childMismatches(cluster, state);
                Path screenshot = settings.out().resolve("console-" + settings.members() + "x"
                        + settings.childrenPerMember() + ".png");
                try {
                    console[0].window().writePng(screenshot);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                console[0].model().close();
            });
            return new IngestResult(settings, (shown.get() - showStart.get()) / 1e6,
                    (graphFull.get() - shown.get()) / 1e6, (firstFrameAfterFull.get() - shown.get()) / 1e6,
                    (counting.firstSnapshotNanos() - shown.get()) / 1e6,
                    (counting.firstConnectedNanos() - shown.get()) / 1e6,
                    generator.startNanos(), generator.endNanos(), caughtUp.get(), expected, counting.events(),
                    counting.seqBreaks(), counting.snapshots(), snapshotsAtEnd[0], applied.get(), seqAtEnd[0],
                    mismatches[0], pulses[0], loadBefore, loadAverage, processCpu, cpuByGroup);
        }
    }

    /** Children whose state or transition counter in the console differs from the source's. */
    private static int childMismatches(IngestCluster cluster, ClusterState state) {
        int wrong = 0;
        for (String name : cluster.names()) {
            Optional<MemberView> member = state.member(name);
            List<SupervisedChild> truth = cluster.childrenOf(name);
            if (member.isEmpty() || member.get().children().size() != truth.size()) {
                wrong += truth.size();
                continue;
            }
            Map<String, ChildView> shown = new HashMap<>();
            for (ChildView child : member.get().children()) {
                shown.put(child.name(), child);
            }
            for (SupervisedChild child : truth) {
                ChildView seen = shown.get(child.child().name());
                if (seen == null || seen.status().state() != child.status().state()
                        || seen.status().counter() != child.status().counter()) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    private record ThreadTimes(String name, long cpuNanos) {
    }

    private static Map<Long, ThreadTimes> cpuByThread(ThreadMXBean threads) {
        Map<Long, ThreadTimes> all = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                all.put(info.getThreadId(), new ThreadTimes(info.getThreadName(), cpu));
            }
        }
        return all;
    }

    /** CPU time spent during the run, by part: the console's threads, the agent's API, the load generator. */
    private static Map<String, Long> cpuByGroup(Map<Long, ThreadTimes> before, Map<Long, ThreadTimes> after,
                                                String fxThread) {
        Map<String, Long> groups = new java.util.TreeMap<>();
        after.forEach((id, times) -> {
            ThreadTimes earlier = before.get(id);
            long spent = times.cpuNanos() - (earlier == null ? 0 : earlier.cpuNanos());
            groups.merge(group(times.name(), fxThread), spent, Long::sum);
        });
        return groups;
    }

    /** The part a thread belongs to; the FX thread is named by the glass platform (Monocle: "Event Thread"). */
    static String group(String thread, String fxThread) {
        if (thread.equals(fxThread)) {
            return IngestResult.FX_THREAD;
        }
        if (thread.startsWith("QuantumRenderer")) {
            return IngestResult.RENDER_THREAD;
        }
        if (thread.startsWith("serfnode-session") || thread.startsWith("HttpClient")) {
            return IngestResult.SESSION_THREADS;
        }
        if (thread.equals("load-generator")) {
            return "load generator";
        }
        if (thread.startsWith("grizzly") || thread.startsWith("ws-") || thread.startsWith("ForkJoinPool")
                || thread.contains("Tyrus") || thread.contains("tyrus")) {
            return "agent WebSocket API";
        }
        if (thread.startsWith("GC") || thread.startsWith("G1") || thread.contains("Compiler")) {
            return "JVM (GC, JIT)";
        }
        return "other";
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls a condition (this is a benchmark driver, not a test: plain polling is fine). */
    static void waitFor(String what, double seconds, Condition condition) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting " + seconds + " s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
