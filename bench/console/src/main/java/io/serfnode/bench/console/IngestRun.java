package io.serfnode.bench.console;

import com.sun.javafx.perf.PerformanceTracker;
import io.serfnode.console.app.ConsoleServices;
import io.serfnode.console.app.ConsoleStage;
import io.serfnode.console.app.LaunchOptions;
import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.state.ChildView;
import io.serfnode.console.state.ClusterState;
import io.serfnode.console.state.MemberView;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;

/**
 * One ingest run: {@link IngestSource} serves {@link IngestCluster} through the agent's real WebSocket API from a
 * process of its own; the real console ({@link ConsoleStage} with {@link WebSocketClusterSession}, as
 * {@code serfnode console --connect} builds it) connects to it in this one; once its graph shows every member,
 * the source sends the live events while {@link PulseProbe} times every pulse.
 */
final class IngestRun {
    private static final String TOKEN = "ingest-bench-token";
    private final IngestSettings settings;

    IngestRun(IngestSettings settings) {
        this.settings = settings;
    }

    /** Seconds between the two floods. */
    static final double REST_SECONDS = 5;
    /** Seconds the source sends events to a client of its own before the console connects. */
    static final double SOURCE_WARM_UP_SECONDS = 10;

    /** The two floods, in order. */
    List<IngestResult> run() throws Exception {
        Path work = Files.createTempDirectory("serfnode-ingest-bench");
        Path tokenFile = Files.writeString(work.resolve("token"), TOKEN);
        PulseProbe probe = new PulseProbe((int) (settings.seconds() + 120) * 240);
        try (IngestSource source = IngestSource.start(settings, tokenFile)) {
            source.warm(SOURCE_WARM_UP_SECONDS);
            // an operator connects to an agent that is running, not to one in the middle of a storm
            Thread.sleep((long) (REST_SECONDS * 1000));
            AtomicReference<CountingSession> session = new AtomicReference<>();
            ConsoleServices services = ConsoleServices.defaults(work.resolve("config"))
                    .withSessions(() -> {
                        CountingSession counting = new CountingSession(new WebSocketClusterSession());
                        session.set(counting);
                        return counting;
                    })
                    .withNotifications(false);
            LaunchOptions options = LaunchOptions.parse(List.of("--connect", source.uri().toString(),
                    "--token-file", tokenFile.toString(), "--config-dir", work.resolve("config").toString()));

            AtomicLong showStart = new AtomicLong();
            AtomicLong shown = new AtomicLong();
            AtomicLong graphFull = new AtomicLong();
            AtomicLong firstFrameAfterFull = new AtomicLong();
            AtomicLong listFull = new AtomicLong();
            AtomicLong firstFrameAfterList = new AtomicLong();
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
                    // the member list follows the picture of a new roster a pulse later
                    if (listFull.get() == 0 && console[0].model().members().size() == settings.members()) {
                        listFull.set(System.nanoTime());
                    }
                });
                PerformanceTracker.getSceneTracker(stage.getScene()).setOnRenderedFrameTask(() -> {
                    if (graphFull.get() != 0) {
                        firstFrameAfterFull.compareAndSet(0, System.nanoTime());
                    }
                    if (listFull.get() != 0) {
                        firstFrameAfterList.compareAndSet(0, System.nanoTime());
                    }
                });
            });
            waitFor("the graph to show " + settings.members() + " members", 60, () -> firstFrameAfterFull.get() != 0);
            waitFor("the member list to show " + settings.members() + " members", 60,
                    () -> firstFrameAfterList.get() != 0);
            CountingSession counting = session.get();
            Snapshot first = new Snapshot((shown.get() - showStart.get()) / 1e6,
                    (graphFull.get() - shown.get()) / 1e6, (firstFrameAfterFull.get() - shown.get()) / 1e6,
                    (counting.firstSnapshotNanos() - shown.get()) / 1e6,
                    (counting.firstConnectedNanos() - shown.get()) / 1e6,
                    (firstFrameAfterList.get() - shown.get()) / 1e6);
            List<IngestResult> floods = new ArrayList<>();
            floods.add(flood(Flood.COLD, source, console[0], counting, probe, fxThread[0], first));
            Thread.sleep((long) (REST_SECONDS * 1000));
            floods.add(flood(Flood.WARM, source, console[0], counting, probe, fxThread[0], first));

            IngestSource.Finish finish = source.finish(work);
            int[] mismatches = new int[1];
            RenderRun.onFx(() -> {
                probe.uninstall();
                mismatches[0] = childMismatches(finish.children(), console[0].model().clusterState());
                Path screenshot = settings.out().resolve("console-" + settings.members() + "x"
                        + settings.childrenPerMember() + ".png");
                try {
                    console[0].window().writePng(screenshot);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                console[0].model().close();
            });
            List<IngestResult> results = new ArrayList<>();
            for (IngestResult flood : floods) {
                results.add(flood.withChildMismatches(mismatches[0]));
            }
            return results;
        }
    }

    /** Which flood: the first one right after the console connected, or one after the console has run a while. */
    enum Flood {
        COLD("flood 1 s after connecting"),
        WARM("second flood, " + (int) REST_SECONDS + " s later");

        final String title;

        Flood(String title) {
            this.title = title;
        }
    }

    /** The first snapshot's timings (ms from the connect, and building the window before it). */
    record Snapshot(double showMillis, double graphFullMillis, double graphOnScreenMillis,
                    double snapshotArrivedMillis, double welcomedMillis, double listOnScreenMillis) {
    }

    private IngestResult flood(Flood which, IngestSource source, ConsoleStage console, CountingSession counting,
                               PulseProbe probe, String fxThread, Snapshot first) throws Exception {
        long[] atStart = new long[3];
        RenderRun.onFx(() -> {
            ClusterState state = console.model().clusterState();
            atStart[0] = state.seq();
            atStart[1] = state.eventsApplied();
            atStart[2] = state.snapshots();
            probe.clear();
        });
        long eventsBefore = counting.events();
        long breaksBefore = counting.seqBreaks();
        long snapshotsBefore = counting.snapshots();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ThreadCpu cpuBefore = ThreadCpu.now();
        long processCpuBefore = ThreadCpu.process();
        probe.measuring(true);
        LoadSampler load = LoadSampler.start();
        IngestSource.Flooded flooded = source.flood(settings.seconds() + 60);
        long expected = flooded.lastSeq();
        AtomicLong applied = new AtomicLong();
        AtomicLong caughtUp = new AtomicLong();
        AtomicLong reached = new AtomicLong();
        waitFor("the view model to reach seq " + expected, 120, () -> {
            RenderRun.onFx(() -> {
                ClusterState state = console.model().clusterState();
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
        long processCpu = ThreadCpu.process() - processCpuBefore;
        Map<String, Long> cpuByPart = new TreeMap<>(ThreadCpu.now().since(cpuBefore, thread -> group(thread, fxThread)));
        flooded.cpu().forEach((part, nanos) -> {
            if (!part.equals(IngestResult.SOURCE_PROCESS)) {
                cpuByPart.put(part, nanos);
            }
        });
        long sourceCpu = flooded.cpu().getOrDefault(IngestResult.SOURCE_PROCESS, -1L);
        PulseProbe.Pulses[] pulses = new PulseProbe.Pulses[1];
        long[] snapshotsAtEnd = new long[1];
        RenderRun.onFx(() -> {
            pulses[0] = probe.pulses();
            snapshotsAtEnd[0] = console.model().clusterState().snapshots();
        });
        return new IngestResult(settings, which.title, first, flooded.start(), flooded.end(), caughtUp.get(),
                flooded.delivered(), flooded.deliveredPerSecond(), atStart[0], counting.events() - eventsBefore,
                counting.seqBreaks() - breaksBefore, counting.snapshots() - snapshotsBefore,
                snapshotsAtEnd[0] - atStart[2], applied.get() - atStart[1], pulses[0], loadBefore, loadAverage,
                processCpu, sourceCpu, cpuByPart, -1);
    }

    /** Children whose state or transition counter in the console differs from the source's at the end. */
    private static int childMismatches(Map<String, Map<String, String>> truth, ClusterState state) {
        int wrong = 0;
        for (Map.Entry<String, Map<String, String>> member : truth.entrySet()) {
            Optional<MemberView> shown = state.member(member.getKey());
            if (shown.isEmpty() || shown.get().children().size() != member.getValue().size()) {
                wrong += member.getValue().size();
                continue;
            }
            for (ChildView child : shown.get().children()) {
                String seen = child.status().state() + " " + child.status().counter();
                if (!seen.equals(member.getValue().get(child.name()))) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    /** The part of the console's process a thread belongs to; the FX thread is named by the glass platform. */
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
        if (thread.startsWith("GC") || thread.startsWith("G1") || thread.contains("Compiler")) {
            return "console JVM (GC, JIT)";
        }
        return "console other";
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
