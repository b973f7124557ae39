package io.serfnode.bench.soak;

import io.serfnode.agent.api.ws.WsServer;
import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.member.SerfReconnect;
import io.serfnode.agent.runtime.RuntimeMode;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.spawn.SpawnSettings;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.bench.agent.MachineFacts;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak. {@code members - churnSlots} members stay, in this JVM (each with its own real serf agent and two
 * process children); the first, {@code s01}, serves the WebSocket API and spawns. {@code churnSlots} members are
 * spawned the way an operator does it — {@code spawn-member} (a template, runtime process) over s01's API — so
 * each is a {@code serfnode agent} JVM of its own with its own serf and children. During {@code duration}: every
 * {@code churnEvery} the oldest spawned member is killed (SIGKILL to its agent and every process under it, by
 * pid) and a new one spawned; every {@code crashEvery} a random member's {@code worker} child is killed with
 * SIGKILL (its supervisor restarts it); every member's {@code flaky} child exits on its own every 20 s; user
 * events are raised at {@code eventsPerSecond}. The console stand-in on s01's API is checked against the
 * transitions each member produced; the real JavaFX console runs beside it for its memory, sampled every
 * {@code sampleEvery} with the rest.
 */
final class Soak {
    private static final String TOKEN = "soak-token";
    private static final String TEMPLATE = "churn";
    private static final String FLAKY = "sleep 20; exit 1";
    /** The spawned members' serfnode.yml: the same two children as the members that stay. */
    private static final String TEMPLATE_YML = """
            serfnode:
              role: churn
            children:
              - worker:
                  exec: [sleep, "%s"]
                  autorestart: true
                  stopwaitsecs: 2
              - flaky:
                  exec: [sh, -c, "%s"]
                  autorestart: true
                  stopwaitsecs: 2
            """.formatted(ChurnMember.WORKER_ARGUMENT, FLAKY);

    private final SoakSettings settings;
    private final PrintStream out;
    private final TransitionLedger ledger;
    private final List<MemberAgent> staying = new CopyOnWriteArrayList<>();
    private final List<ChurnMember> churn = new CopyOnWriteArrayList<>();
    private static final Duration DIAGNOSE_FIRST = Duration.ofMinutes(10);
    private static final Duration DIAGNOSE_EVERY = Duration.ofMinutes(30);
    private static final int HISTOGRAM_LINES = 45;

    private final List<MemorySample> samples = new CopyOnWriteArrayList<>();
    private final AtomicInteger spawned = new AtomicInteger();
    private final AtomicInteger killed = new AtomicInteger();
    private final AtomicInteger childCrashes = new AtomicInteger();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private final List<Double> spawnSeconds = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Path stateRoot;
    private MemberAgent seed;
    private SpawnOperator operator;
    private ConsoleProcess console;
    private long startNanos;

    Soak(SoakSettings settings, PrintStream out) throws IOException {
        if (settings.consoleClassPath() == null || settings.consoleClassPath().isBlank()) {
            throw new IllegalArgumentException("the console's class path is missing (--console-classpath; "
                    + "bench/soak/run passes bench/console/target/lib/*)");
        }
        this.settings = settings;
        this.out = out;
        this.ledger = new TransitionLedger(settings.inFlightWindow());
        Files.createDirectories(settings.out());
        this.stateRoot = Files.createTempDirectory("serfnode-soak");
    }

    SoakReport run() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3,
                Thread.ofPlatform().daemon().name("soak-", 0).factory());
        ConsoleStandIn standIn = null;
        String loadBefore = MachineFacts.loadAverage();
        // thousands of members' info lines would bury the samples; warnings and errors still show
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try {
            startNanos = System.nanoTime();
            seed = start("s01", true);
            for (int i = 2; i <= settings.members() - settings.churnSlots(); i++) {
                start(String.format("s%02d", i), false);
            }
            URI api = seed.api().orElseThrow().uri();
            standIn = new ConsoleStandIn(api, TOKEN, ledger);
            standIn.awaitSnapshot();
            ledger.open();
            console = ConsoleProcess.start(settings.consoleClassPath(), api, TOKEN, settings.out().resolve("console"));
            out.printf("soak: %d members stay in this JVM (pid %d); the console (pid %d) and its stand-in on %s%n",
                    staying.size(), ProcessHandle.current().pid(), console.pid(), api);
            operator = new SpawnOperator(api, TOKEN);
            for (int i = 0; i < settings.churnSlots(); i++) {
                spawnOne();
            }
            out.printf("soak: %d members spawned through the API; churn for %s%n", churn.size(), settings.duration());
            ConsoleStandIn client = standIn;
            timers.scheduleAtFixedRate(() -> sample(client), 0, settings.sampleEvery().toMillis(),
                    TimeUnit.MILLISECONDS);
            if (settings.eventsPerSecond() > 0) {
                timers.scheduleAtFixedRate(this::raiseEvent, 0, 1_000_000 / settings.eventsPerSecond(),
                        TimeUnit.MICROSECONDS);
            }
            // what the heaps hold and the harness's native memory, early, every half hour and at the end
            timers.scheduleAtFixedRate(this::diagnose, DIAGNOSE_FIRST.toMillis(), DIAGNOSE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            timers.scheduleWithFixedDelay(this::crashAChild, settings.crashEvery().toMillis(),
                    settings.crashEvery().toMillis(), TimeUnit.MILLISECONDS);
            long churnEnd = startNanos + settings.duration().toNanos();
            long nextChurn = System.nanoTime() + settings.churnEvery().toNanos();
            while (nextChurn < churnEnd) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, nextChurn - System.nanoTime()));
                replaceOneMember();
                nextChurn += settings.churnEvery().toNanos();
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, churnEnd - System.nanoTime()));
            timers.shutdownNow();
            timers.awaitTermination(30, TimeUnit.SECONDS);
            out.println("soak: churn over; waiting up to " + settings.settle() + " for the last transitions");
            long settleEnd = System.nanoTime() + settings.settle().toNanos();
            while (System.nanoTime() < settleEnd && ledger.tally().lost() > 0) {
                Thread.sleep(1000);
            }
            sample(standIn);
            diagnose();
            TransitionLedger.Tally tally = ledger.tally();
            List<String> all = new ArrayList<>(problems);
            all.addAll(standIn.problems());
            all.addAll(operator.problems());
            churn.forEach(member -> all.addAll(member.watch().problems()));
            if (!console.drewSnapshot()) {
                all.add("the console never drew its first snapshot (no " + settings.out().resolve("console")
                        + "/console-first-snapshot.png; see console.log there)");
            }
            if (!console.alive()) {
                all.add("the console process ended before the soak did (see its console.log)");
            }
            SoakReport report = new SoakReport(settings, List.copyOf(samples), tally, ledger.lostExamples(10),
                    ledger.duplicatedExamples(10), spawned.get(), killed.get(), childCrashes.get(),
                    List.copyOf(spawnSeconds), eventsSent.get(), eventsFailed.get(), standIn.userEvents(),
                    standIn.lagged(), console.drewSnapshot(), loadBefore, MachineFacts.loadAverage(), all);
            report.write(settings.out());
            return report;
        } finally {
            timers.shutdownNow();
            if (standIn != null) {
                standIn.close();
            }
            if (operator != null) {
                operator.close();
            }
            for (ChurnMember member : churn) {
                member.kill();
                member.watch().close();
            }
            if (console != null) {
                console.close();
            }
            for (MemberAgent agent : staying) {
                closeQuietly(agent);
            }
            killLeftovers();
        }
    }

    private MemberAgent start(String name, boolean apiAndSpawner) throws IOException, InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SupervisionPolicy restartAlways = SupervisionPolicy.DEFAULTS.withAutorestart(AutoRestart.TRUE)
                .withStopWait(Duration.ofSeconds(2));
        MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, stateRoot.resolve(name))
                .withProfile(SerfProfile.LAN)
                .withLeaveTimeout(Duration.ofSeconds(1))
                .withSerfReconnect(SerfReconnect.SERF_DEFAULTS.withTimeout(settings.forgetFailedAfter()))
                .withChildren(List.of(
                        ChildSpec.process("worker", List.of("sleep", ChurnMember.WORKER_ARGUMENT))
                                .withSupervision(restartAlways),
                        ChildSpec.process("flaky", List.of("sh", "-c", FLAKY)).withSupervision(restartAlways)))
                .withJoin(seed == null ? List.of() : List.of(seed.config().bind()));
        if (apiAndSpawner) {
            Path templates = stateRoot.resolve("templates");
            Files.createDirectories(templates);
            Files.writeString(templates.resolve(TEMPLATE + ".yml"), TEMPLATE_YML, StandardCharsets.UTF_8);
            config = config.withApi(WsServerConfig.of("127.0.0.1", 0, TOKEN))
                    .withRuntimeMode(RuntimeMode.PROCESS)
                    .withSpawn(SpawnSettings.DEFAULTS.withTemplatesDir(templates).withLogLevel("warn"));
        }
        MemberAgent agent = new MemberAgent(config);
        agent.supervisor().subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                ledger.produced(event.member(), event.counter(), System.nanoTime());
            }
        });
        agent.start();
        staying.add(agent);
        return agent;
    }

    /** Spawns one member over the API and starts watching its own transitions. */
    private void spawnOne() throws Exception {
        long began = System.nanoTime();
        SpawnOperator.Spawned result = operator.spawn(TEMPLATE, Duration.ofSeconds(90));
        spawnSeconds.add((System.nanoTime() - began) / 1e9);
        String name = result.members().getFirst();
        Optional<SpawnDetail> detail = result.createdDetails().stream().map(SpawnDetail::parse)
                .flatMap(Optional::stream).filter(d -> d.member().equals(name)).findFirst();
        ProcessHandle process = detail.flatMap(d -> ProcessHandle.of(d.pid()))
                .or(() -> ChurnMember.byStateDir(seed.config().stateDir().resolve("spawned").resolve(name)))
                .orElseThrow(() -> new IllegalStateException("spawned member " + name + " has no process the "
                        + "harness can find: created steps " + result.createdDetails()));
        String ws = detail.map(SpawnDetail::ws).orElseThrow(() -> new IllegalStateException("spawned member "
                + name + ": the created step gave no WebSocket address: " + result.createdDetails()));
        MemberWatch watch = new MemberWatch(name, URI.create("ws://" + ws + WsServer.PATH), TOKEN, ledger);
        churn.add(new ChurnMember(name, process, watch));
        spawned.incrementAndGet();
    }

    /** Kills the oldest spawned member as a crash would (SIGKILL, by pid) and spawns a new one over the API. */
    private void replaceOneMember() throws InterruptedException {
        if (!churn.isEmpty()) {
            ChurnMember victim = churn.getFirst();
            churn.remove(victim);
            ledger.killed(victim.name(), System.nanoTime());
            victim.kill();
            victim.watch().close();
            // only its problems are kept: a killed member's connection and probe must not stay in the heap
            problems.addAll(victim.watch().problems());
            killed.incrementAndGet();
        }
        try {
            spawnOne();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            problems.add("spawning a member failed: " + e.getMessage());
            out.println("soak: spawning a member failed: " + e.getMessage());
        }
    }

    private void crashAChild() {
        try {
            int choice = ThreadLocalRandom.current().nextInt(staying.size() + churn.size());
            Optional<ProcessHandle> worker;
            if (choice < staying.size()) {
                worker = staying.get(choice).supervisor().status("worker").map(ChildStatus::pid)
                        .flatMap(ProcessHandle::of);
            } else {
                worker = churn.get(choice - staying.size()).worker();
            }
            worker.ifPresent(process -> {
                if (process.destroyForcibly()) {
                    childCrashes.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            // a member being replaced right now; a failed task would end the schedule, so it is only noted
            problems.add("crashing a child failed: " + e);
        }
    }

    private void raiseEvent() {
        long n = eventsSent.get() + eventsFailed.get();
        MemberAgent from = staying.get((int) (n % staying.size()));
        try {
            from.triggerEvent("soak.tick", Long.toString(n).getBytes(StandardCharsets.UTF_8), false);
            eventsSent.incrementAndGet();
        } catch (RuntimeException e) {
            eventsFailed.incrementAndGet();
        }
    }

    /**
     * Writes the harness's and the console's class histograms and the harness's native memory summary to
     * {@code out/diagnostics/t<seconds>-…txt}; comparing two of them names what grew.
     */
    private void diagnose() {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        Path dir = settings.out().resolve("diagnostics");
        try {
            Files.createDirectories(dir);
            DiagnosticCommands harness = new DiagnosticCommands(ManagementFactory.getPlatformMBeanServer());
            Files.writeString(dir.resolve("t" + seconds + "-harness-nmt.txt"), harness.nativeMemorySummary());
            Files.writeString(dir.resolve("t" + seconds + "-harness-histogram.txt"),
                    harness.classHistogram(HISTOGRAM_LINES));
            if (console.alive()) {
                Files.writeString(dir.resolve("t" + seconds + "-console-histogram.txt"),
                        console.probe().diagnostics().classHistogram(HISTOGRAM_LINES));
            }
        } catch (IOException | RuntimeException e) {
            problems.add("diagnostics at t=" + seconds + "s failed: " + e);
        }
    }

    private void sample(ConsoleStandIn standIn) {
        try {
            System.gc();
            MemoryUsage memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            double serfRss = staying.stream().flatMap(agent -> agent.serf().process().stream())
                    .mapToDouble(serf -> ProcMemory.rssMb(serf.pid())).sum();
            int spawnedMeasured = 0;
            double spawnedRss = 0;
            double spawnedHeap = 0;
            for (ChurnMember member : List.copyOf(churn)) {
                try {
                    double heap = member.probe().heapAfterGc().getUsed() / 1048576.0;
                    double rss = ProcMemory.rssMb(member.pid());
                    double serf = member.serf().map(handle -> ProcMemory.rssMb(handle.pid())).orElse(0.0);
                    if (member.alive() && rss > 0) {
                        spawnedMeasured++;
                        spawnedRss += rss;
                        spawnedHeap += heap;
                        serfRss += serf;
                    }
                } catch (IOException | RuntimeException e) {
                    // killed or just starting while sampled: left out of this sample
                    if (churn.contains(member) && member.alive() && member.ageSeconds() > 30) {
                        problems.add("sampling spawned member " + member.name() + " failed: " + e);
                    }
                }
            }
            double consoleRss = 0;
            double consoleHeap = 0;
            double consoleCommitted = 0;
            int consoleThreads = 0;
            if (console.alive()) {
                try {
                    JvmProbe probe = console.probe();
                    MemoryUsage heap = probe.heapAfterGc();
                    consoleHeap = heap.getUsed() / 1048576.0;
                    consoleCommitted = heap.getCommitted() / 1048576.0;
                    consoleThreads = probe.threads();
                    consoleRss = ProcMemory.rssMb(console.pid());
                } catch (IOException | RuntimeException e) {
                    problems.add("sampling the console failed: " + e);
                }
            }
            MemorySample sample = new MemorySample(
                    Duration.ofNanos(System.nanoTime() - startNanos).toSeconds(),
                    memory.getUsed() / 1048576.0, memory.getCommitted() / 1048576.0,
                    ProcMemory.rssMb(ProcessHandle.current().pid()), Thread.activeCount(), serfRss,
                    spawnedMeasured, spawnedRss, spawnedHeap, consoleRss, consoleHeap, consoleCommitted, consoleThreads,
                    staying.size() + churn.size(), ledger.tally().seenTotal(), standIn.userEvents(), load1());
            samples.add(sample);
            out.printf("soak: t=%ds harness heap %.0f MiB (after GC) RSS %.0f MiB; serf RSS %.0f MiB; %d spawned "
                            + "%.0f MiB RSS; console heap %.0f MiB RSS %.0f MiB; %d transitions seen, %d user events; "
                            + "%d spawned, %d killed, %d child crashes; load %.1f%n",
                    sample.seconds(), sample.heapUsedMb(), sample.rssMb(), sample.serfRssMb(), sample.spawned(),
                    sample.spawnedRssMb(), sample.consoleHeapMb(), sample.consoleRssMb(), sample.transitionsSeen(),
                    sample.userEventsSeen(), spawned.get(), killed.get(), childCrashes.get(), sample.load1());
        } catch (RuntimeException e) {
            problems.add("a sample failed: " + e);
        }
    }

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void closeQuietly(MemberAgent agent) {
        try {
            agent.close();
        } catch (RuntimeException e) {
            problems.add("closing " + agent.name() + " failed: " + e.getMessage());
        }
    }

    /** Every process this JVM started and that is still there (spawned members, serf agents, children), by pid. */
    private void killLeftovers() {
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            process.destroyForcibly();
        }
    }
}
