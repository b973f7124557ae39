package io.serfnode.bench.console;

import com.sun.javafx.perf.PerformanceTracker;
import io.serfnode.console.graph.ClusterGraphView;
import io.serfnode.console.graph.GraphLayouts;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.console.graph.LayoutMode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Runs one scenario: shows the graph in a window, moves the camera every pulse along {@link CameraPath} and
 * applies supervisor changes at {@code changesPerSecond}, first unmeasured for the warm-up, then measured.
 */
final class RenderRun {
    private final Stage stage;
    private final BenchSettings settings;

    RenderRun(Stage stage, BenchSettings settings) {
        this.stage = stage;
        this.settings = settings;
    }

    ScenarioResult run(Scenario scenario, Path screenshot) throws Exception {
        GraphModel model = SyntheticCluster.build(scenario.members(), scenario.childrenPerMember(), 42);
        long layoutStart = System.nanoTime();
        GraphLayouts.compute(model, LayoutMode.BY_ROLE);
        double layoutMillis = (System.nanoTime() - layoutStart) / 1e6;

        int capacity = (int) ((settings.warmupSeconds() + settings.seconds() + 5) * 240);
        FrameClock rendered = new FrameClock(capacity);
        FrameClock pulses = new FrameClock(capacity);
        FrameClock renderCpu = new FrameClock(capacity);
        FrameClock fxCpu = new FrameClock(capacity);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] draws = new double[capacity];
        int[] drawCount = {0};
        boolean[] measuring = {false};
        CountDownLatch done = new CountDownLatch(1);
        String[] renderThread = {null};
        ClusterGraphView[] viewHolder = new ClusterGraphView[1];
        AnimationTimer[] driverHolder = new AnimationTimer[1];

        onFx(() -> {
            ClusterGraphView view = new ClusterGraphView();
            viewHolder[0] = view;
            Scene scene = new Scene(view, settings.width(), settings.height());
            stage.setScene(scene);
            stage.show();
            view.setModel(model);
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> {
                if (renderThread[0] == null) {
                    renderThread[0] = Thread.currentThread().getName();
                }
                if (measuring[0]) {
                    rendered.record(System.nanoTime());
                    renderCpu.record(threads.getCurrentThreadCpuTime());
                }
            });
            CameraPath path = CameraPath.over(view.getGraphLayout(), settings.width(), settings.height(),
                    settings.maxZoom());
            Random random = new Random(7);
            long changeEvery = settings.changesPerSecond() > 0 ? (long) (1e9 / settings.changesPerSecond()) : 0;
            AnimationTimer driver = new AnimationTimer() {
                private long start = -1;
                private long nextChange;
                private GraphModel current = model;

                @Override
                public void handle(long now) {
                    if (start < 0) {
                        start = now;
                        nextChange = now;
                    }
                    double t = (now - start) / 1e9;
                    if (measuring[0]) {
                        pulses.record(System.nanoTime());
                        fxCpu.record(threads.getCurrentThreadCpuTime());
                        if (drawCount[0] < draws.length) {
                            draws[drawCount[0]++] = view.lastDrawNanos() / 1e6;
                        }
                    }
                    measuring[0] = t >= settings.warmupSeconds();
                    if (t >= settings.warmupSeconds() + settings.seconds()) {
                        measuring[0] = false;
                        stop();
                        done.countDown();
                        return;
                    }
                    view.setViewport(path.at(t));
                    while (changeEvery > 0 && now >= nextChange) {
                        current = SyntheticCluster.withOneChange(current, random, Instant.now());
                        nextChange += changeEvery;
                        view.setModel(current);
                    }
                }
            };
            driverHolder[0] = driver;
            driver.start();
        });
        long gcBefore = gcMillis();
        if (!done.await((long) (settings.warmupSeconds() + settings.seconds()) + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("render run " + scenario + " did not finish");
        }
        long gc = gcMillis() - gcBefore;
        System.out.println("  frames are reported on thread " + renderThread[0]);
        onFx(() -> {
            ClusterGraphView view = viewHolder[0];
            view.setViewport(CameraPath.over(view.getGraphLayout(), settings.width(), settings.height(),
                    settings.maxZoom()).at(1.5));
        });
        onFx(() -> {
            try {
                viewHolder[0].writePng(screenshot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double[] drawMillis = java.util.Arrays.copyOf(draws, drawCount[0]);
        return new ScenarioResult(scenario, FrameStats.of(rendered.moments()), FrameStats.of(pulses.moments()),
                FrameStats.of(renderCpu.moments()), FrameStats.of(fxCpu.moments()), drawMillis, layoutMillis, gc);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                result.complete(null);
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        result.get(60, TimeUnit.SECONDS);
    }
}
