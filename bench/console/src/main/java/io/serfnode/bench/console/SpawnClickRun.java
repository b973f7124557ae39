package io.serfnode.bench.console;

import io.serfnode.console.app.ConsoleServices;
import io.serfnode.console.app.ConsoleStage;
import io.serfnode.console.app.LaunchOptions;
import io.serfnode.console.connection.WebSocketClusterSession;
import io.serfnode.console.state.ClusterState;
import io.serfnode.console.state.MemberView;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.RuntimeKind;
import io.serfnode.model.SupervisorState;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The spawn benchmark's runs on one cluster: the real console ({@link ConsoleStage} with
 * {@link WebSocketClusterSession}, as {@code serfnode console --connect} builds it) connected to the spawner of
 * a {@link SpawnCluster}; for each run, the click on the FX thread (the member detail's "+1 like this" with the
 * spawner selected, or the Spawn dialog's Spawn button with "like" the spawner and the runtime chosen), and the
 * clock stopped by {@link AliveProbe} at the pulse that shows the new member alive. Every member spawned goes
 * into the {@link SpawnedLedger}.
 */
final class SpawnClickRun {
    private final SpawnClickSettings settings;
    private final SpawnCluster cluster;
    private final SpawnedLedger ledger;
    private final AtomicReference<TimedSession> session = new AtomicReference<>();
    private ConsoleStage console;
    private AliveProbe probe;

    SpawnClickRun(SpawnClickSettings settings, SpawnCluster cluster, SpawnedLedger ledger) {
        this.settings = settings;
        this.cluster = cluster;
        this.ledger = ledger;
    }

    /** Opens the console on the spawner and waits until it shows the whole cluster, the spawner's child running. */
    void openConsole(Path configDir) throws Exception {
        ConsoleServices services = ConsoleServices.defaults(configDir)
                .withSessions(() -> {
                    TimedSession timed = new TimedSession(new WebSocketClusterSession());
                    session.set(timed);
                    return timed;
                })
                .withNotifications(false);
        LaunchOptions options = LaunchOptions.parse(List.of("--connect", cluster.spawner().wsUri().toString(),
                "--token-file", cluster.tokenFile().toString(), "--config-dir", configDir.toString()));
        RenderRun.onFx(() -> {
            console = ConsoleStage.show(new Stage(), services, options);
            probe = new AliveProbe(console);
            probe.install();
        });
        String spawner = cluster.spawner().name();
        IngestRun.waitFor("the console to show all " + settings.clusterSize() + " members alive and "
                + spawner + "'s child running", 180, () -> {
            cluster.checkRunning();
            boolean[] whole = new boolean[1];
            RenderRun.onFx(() -> {
                ClusterState state = console.model().clusterState();
                long alive = cluster.names().stream().map(state::member).flatMap(Optional::stream)
                        .filter(m -> m.member().status() == MemberStatus.ALIVE).count();
                boolean running = state.member(spawner).map(MemberView::children).orElse(List.of()).stream()
                        .anyMatch(child -> child.status().state() == SupervisorState.RUNNING);
                whole[0] = alive == cluster.names().size() && running
                        && console.window().overviewPane().drawnLatest();
            });
            return whole[0];
        });
    }

    /** Spawns {@code settings.runs()} members of {@code runtime}, one at a time, each timed from its click. */
    List<SpawnTiming> measure(RuntimeKind runtime) throws Exception {
        List<SpawnTiming> timings = new ArrayList<>();
        ClickTarget click = settings.clickFor(runtime);
        for (int run = 1; run <= settings.runs(); run++) {
            cluster.checkRunning();
            SpawnTiming timing = once(runtime, click, run);
            timings.add(timing);
            System.out.printf("%s run %2d: %s %s, shown alive %s after the click (requested %s, created %s, its"
                            + " first log line %s, its serf running %s, joined %s, member-join at the console %s, in"
                            + " the view model %s; load %.2f) %s%n",
                    runtime.wireName(), run, timing.member(), timing.handle() == null ? "-" : timing.handle(),
                    ms(timing.shown()), ms(timing.requested()), ms(timing.created()), ms(timing.agentLog()),
                    ms(timing.serfRunning()), ms(timing.joined()),
                    ms(timing.event()), ms(timing.inModel()), timing.loadAverage(), timing.outcome());
            closeSpawnDialogs();
            if (run < settings.runs() || runtime != settings.runtimes().getLast()) {
                Thread.sleep((long) (settings.pauseSeconds() * 1000));
            }
        }
        return timings;
    }

    private SpawnTiming once(RuntimeKind runtime, ClickTarget click, int run) throws Exception {
        String spawner = cluster.spawner().name();
        long[] clicked = new long[1];
        Instant[] clickedAt = new Instant[1];
        if (click == ClickTarget.SPAWN_DIALOG) {
            RenderRun.onFx(() -> console.window().showSpawnDialog());
            RenderRun.onFx(() -> fillSpawnDialog(spawner, runtime));
        } else {
            RenderRun.onFx(() -> console.model().select(spawner));
            IngestRun.waitFor("the member detail to show " + spawner, 10, () -> {
                boolean[] shown = new boolean[1];
                RenderRun.onFx(() -> shown[0] = console.model().detail().presentProperty().get()
                        && spawner.equals(console.model().detail().nameProperty().get()));
                return shown[0];
            });
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int sentBefore = timedSession().spawns().size();
        RenderRun.onFx(() -> {
            Button button = click == ClickTarget.SPAWN_DIALOG ? spawnDialogButton() : likeButton();
            if (button.isDisabled()) {
                throw new IllegalStateException(click.label() + " is disabled");
            }
            // a member an earlier run spawned that has not shown yet is not this run's
            Set<String> known = new HashSet<>(console.model().clusterState().memberNames());
            timedSession().spawns().forEach(earlier -> {
                known.addAll(earlier.createdNames());
                known.addAll(earlier.spawnedNames());
            });
            probe.arm(known);
            clickedAt[0] = Instant.now();
            clicked[0] = System.nanoTime();
            button.fire();
        });
        long deadline = clicked[0] + (long) (settings.timeoutSeconds() * 1e9);
        long[] shown = new long[2];
        String[] member = new String[1];
        SpawnTrace trace = null;
        while (System.nanoTime() < deadline) {
            List<SpawnTrace> spawns = timedSession().spawns();
            trace = spawns.size() > sentBefore ? spawns.get(sentBefore) : null;
            if (trace != null) {
                trace.handles().forEach(ledger::add);
            }
            member[0] = probe.member().orElse(null);
            shown[0] = probe.inModelNanos();
            shown[1] = probe.shownNanos();
            if (shown[1] != 0 && trace != null && trace.done()) {
                break;
            }
            if (trace != null && trace.done() && !trace.outcome().equals("ok")) {
                break; // refused or failed: nothing will show
            }
            Thread.sleep(20);
        }
        if (trace == null) {
            return new SpawnTiming(runtime, run, "-", null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, load, "no spawn-member command left the console");
        }
        trace.handles().forEach(ledger::add);
        String name = member[0] != null ? member[0]
                : trace.spawnedNames().isEmpty() ? "-" : trace.spawnedNames().getFirst();
        long start = clicked[0];
        SpawnTrace t = trace;
        String outcome = shown[1] == 0 ? "not shown within " + (int) settings.timeoutSeconds() + " s; result "
                + trace.outcome() : trace.outcome();
        SpawnedHandle handle = trace.handles().stream().findFirst().orElse(null);
        MemberLog log = memberLog(name, handle);
        return new SpawnTiming(runtime, run, name, handle, since(start, t.step("requested")),
                since(start, t.step("created")), MemberLog.millisAfter(clickedAt[0], log.firstLine()),
                MemberLog.millisAfter(clickedAt[0], log.serfRunning()), since(start, t.step("joined")),
                t.done() && t.resultNanos() != 0 ? (t.resultNanos() - start) / 1e6 : Double.NaN,
                since(start, timedSession().joinOf(name)), shown[0] == 0 ? Double.NaN : (shown[0] - start) / 1e6,
                shown[1] == 0 ? Double.NaN : (shown[1] - start) / 1e6, load, outcome);
    }

    /** The new member's own log: its {@code agent.log} in the spawner's state, or its container's output. */
    private MemberLog memberLog(String member, SpawnedHandle handle) {
        if (handle == null) {
            return MemberLog.NONE;
        }
        if (handle.runtime() == RuntimeKind.DOCKER) {
            return MemberLog.ofDockerLogs(DockerCli.lines("logs", "--timestamps", handle.id()));
        }
        Path log = cluster.directory().resolve(cluster.spawner().name()).resolve("state").resolve("spawned")
                .resolve(member).resolve("agent.log");
        try {
            return MemberLog.ofAgentLog(Files.readAllLines(log), LocalDate.now(), ZoneId.systemDefault());
        } catch (IOException e) {
            System.err.println("cannot read " + log + ": " + e.getMessage());
            return MemberLog.NONE;
        }
    }

    private TimedSession timedSession() {
        TimedSession timed = session.get();
        if (timed == null) {
            throw new IllegalStateException("the console opened no session");
        }
        return timed;
    }

    private static double since(long start, Optional<Long> nanos) {
        return nanos.map(n -> (n - start) / 1e6).orElse(Double.NaN);
    }

    private Button likeButton() {
        Node node = console.window().getScene().lookup("#spawn-like");
        if (!(node instanceof Button button)) {
            throw new IllegalStateException("the member detail has no \"+1 like this\" button (#spawn-like)");
        }
        return button;
    }

    private static Optional<DialogPane> spawnDialog() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null && window.getScene().getRoot() instanceof Parent root) {
                Node pane = "spawn-dialog".equals(root.getId()) ? root : root.lookup("#spawn-dialog");
                if (pane instanceof DialogPane dialog) {
                    return Optional.of(dialog);
                }
            }
        }
        return Optional.empty();
    }

    /** Fills the open Spawn dialog through its controls, as an operator would: like the spawner, the runtime. */
    @SuppressWarnings("unchecked")
    private static void fillSpawnDialog(String like, RuntimeKind runtime) {
        DialogPane dialog = spawnDialog().orElseThrow(() -> new IllegalStateException("the Spawn dialog did not open"));
        ((ComboBox<String>) dialog.lookup("#spawn-like-member")).setValue(like);
        ((ComboBox<RuntimeKind>) dialog.lookup("#spawn-runtime")).setValue(runtime);
    }

    private static Button spawnDialogButton() {
        DialogPane dialog = spawnDialog().orElseThrow(() -> new IllegalStateException("the Spawn dialog is not open"));
        return (Button) dialog.lookup("#spawn-button");
    }

    /** Closes the dialogs the spawns opened (each click opens one showing its steps) with their Close button. */
    private static void closeSpawnDialogs() throws Exception {
        for (int i = 0; i < 10; i++) {
            boolean[] closed = new boolean[1];
            RenderRun.onFx(() -> spawnDialog().ifPresent(dialog -> {
                Node close = dialog.lookupButton(ButtonType.CLOSE);
                if (close instanceof Button button) {
                    button.fire();
                }
                if (dialog.getScene() != null && dialog.getScene().getWindow() instanceof Stage stage
                        && stage.isShowing()) {
                    stage.close();
                }
                closed[0] = true;
            }));
            if (!closed[0]) {
                return;
            }
        }
    }

    /** A PNG of the console as it is now. */
    void screenshot(Path file) throws Exception {
        RenderRun.onFx(() -> {
            try {
                console.window().writePng(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Closes the console's session (the cluster keeps running). */
    void closeConsole() throws Exception {
        if (console != null) {
            RenderRun.onFx(() -> {
                probe.uninstall();
                console.model().close();
            });
        }
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(java.util.Locale.ROOT, "%,.0f ms", millis);
    }
}
