package io.serfnode.bench.soak;

import io.serfnode.agent.api.ws.WsServerConfig;
import io.serfnode.agent.child.AutoRestart;
import io.serfnode.agent.child.ChildSpec;
import io.serfnode.agent.child.SupervisionPolicy;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfProfile;
import io.serfnode.agent.supervisor.TransitionCallback;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.bench.agent.MachineFacts;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.event.SupervisorStateChanged;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
 * The soak: {@code members} member agents in this JVM (each with its own real serf agent and two process
 * children), one of which serves the WebSocket API that the {@link ConsoleStandIn} listens to. During
 * {@code duration}: every {@code churnEvery} one member of the churn slots is killed (its serf frozen, then
 * the agent stopped, so the others see it fail) and a new one spawned in its place; every {@code crashEvery}
 * a random member's {@code worker} child is killed with SIGKILL (and restarted by its supervisor); the
 * {@code flaky} child of every member exits on its own every 20 s; user events are raised at
 * {@code eventsPerSecond}. Memory is sampled every {@code sampleEvery}.
 */
final class Soak {
    private static final String TOKEN = "soak-token";
    private static final String FLAKY = "sleep 20; exit 1";

    private final SoakSettings settings;
    private final PrintStream out;
    private final TransitionLedger ledger = new TransitionLedger();
    private final List<MemberAgent> live = new CopyOnWriteArrayList<>();
    private final List<MemberAgent> everStarted = new CopyOnWriteArrayList<>();
    private final List<MemorySample> samples = new CopyOnWriteArrayList<>();
    private final AtomicInteger spawned = new AtomicInteger();
    private final AtomicInteger killed = new AtomicInteger();
    private final AtomicInteger childCrashes = new AtomicInteger();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong eventsFailed = new AtomicLong();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Path stateRoot;
    private MemberAgent seed;
    private long startNanos;

    Soak(SoakSettings settings, PrintStream out) throws IOException {
        this.settings = settings;
        this.out = out;
        Files.createDirectories(settings.out());
        this.stateRoot = Files.createTempDirectory("serfnode-soak");
    }

    SoakReport run() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(3,
                Thread.ofPlatform().daemon().name("soak-", 0).factory());
        ConsoleStandIn console = null;
        String loadBefore = MachineFacts.loadAverage();
        // thousands of members' info lines would bury the samples; warnings and errors still show
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try {
            startNanos = System.nanoTime();
            seed = start("s01", true);
            for (int i = 2; i <= settings.members() - settings.churnSlots(); i++) {
                start(String.format("s%02d", i), false);
            }
            for (int i = 0; i < settings.churnSlots(); i++) {
                start(churnName(), false);
            }
            console = new ConsoleStandIn(seed.api().orElseThrow().uri(), TOKEN, ledger);
            console.awaitSnapshot();
            ledger.open();
            out.printf("soak: %d members in this JVM, the console stand-in on s01's API; churn for %s%n",
                    live.size(), settings.duration());
            ConsoleStandIn client = console;
            timers.scheduleAtFixedRate(() -> sample(client), 0, settings.sampleEvery().toMillis(), TimeUnit.MILLISECONDS);
            if (settings.eventsPerSecond() > 0) {
                timers.scheduleAtFixedRate(this::raiseEvent, 0, 1_000_000 / settings.eventsPerSecond(),
                        TimeUnit.MICROSECONDS);
            }
            timers.scheduleWithFixedDelay(this::crashAChild, settings.crashEvery().toMillis(),
                    settings.crashEvery().toMillis(), TimeUnit.MILLISECONDS);
            long churnEnd = System.nanoTime() + settings.duration().toNanos();
            while (System.nanoTime() + settings.churnEvery().toNanos() < churnEnd) {
                Thread.sleep(settings.churnEvery().toMillis());
                replaceOneMember();
            }
            long left = churnEnd - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            timers.shutdownNow();
            out.println("soak: churn over; waiting up to " + settings.settle() + " for the last transitions");
            long settleEnd = System.nanoTime() + settings.settle().toNanos();
            while (System.nanoTime() < settleEnd && ledger.tally().lost() > 0) {
                Thread.sleep(1000);
            }
            sample(console);
            TransitionLedger.Tally tally = ledger.tally();
            List<String> all = new ArrayList<>(problems);
            all.addAll(console.problems());
            SoakReport report = new SoakReport(settings, List.copyOf(samples), tally, ledger.lostExamples(10),
                    spawned.get(), killed.get(), childCrashes.get(), eventsSent.get(), eventsFailed.get(),
                    console.userEvents(), loadBefore, MachineFacts.loadAverage(), all);
            report.write(settings.out());
            return report;
        } finally {
            timers.shutdownNow();
            if (console != null) {
                console.close();
            }
            for (MemberAgent agent : live) {
                closeQuietly(agent);
            }
            killLeftovers();
        }
    }

    private String churnName() {
        return String.format("c%03d", spawned.get() + 1);
    }

    private MemberAgent start(String name, boolean api) throws InterruptedException {
        SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
        SupervisionPolicy restartAlways = SupervisionPolicy.DEFAULTS.withAutorestart(AutoRestart.TRUE)
                .withStopWait(Duration.ofSeconds(2));
        MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, stateRoot.resolve(name))
                .withProfile(SerfProfile.LAN)
                .withLeaveTimeout(Duration.ofSeconds(1))
                .withChildren(List.of(
                        ChildSpec.process("worker", List.of("sleep", "100000")).withSupervision(restartAlways),
                        ChildSpec.process("flaky", List.of("sh", "-c", FLAKY)).withSupervision(restartAlways)))
                .withJoin(seed == null ? List.of() : List.of(seed.config().bind()));
        if (api) {
            config = config.withApi(WsServerConfig.of("127.0.0.1", 0, TOKEN));
        }
        MemberAgent agent = new MemberAgent(config);
        agent.supervisor().subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                ledger.produced(event.member(), event.counter());
            }
        });
        everStarted.add(agent);
        agent.start();
        live.add(agent);
        if (name.startsWith("c")) {
            spawned.incrementAndGet();
        }
        return agent;
    }

    /** Kills the oldest churn member as a crash would look to the others (failed, not left) and spawns one. */
    private void replaceOneMember() {
        Optional<MemberAgent> victim = live.stream().filter(agent -> agent.name().startsWith("c")).findFirst();
        victim.ifPresent(agent -> {
            ledger.dying(agent.name());
            live.remove(agent);
            agent.serf().process().ifPresent(serf -> signal("STOP", serf.pid()));
            closeQuietly(agent);
            killed.incrementAndGet();
        });
        try {
            start(churnName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problems.add("spawning a member failed: " + e.getMessage());
        }
    }

    private void crashAChild() {
        try {
            List<MemberAgent> members = List.copyOf(live);
            MemberAgent target = members.get(ThreadLocalRandom.current().nextInt(members.size()));
            target.supervisor().status("worker").map(ChildStatus::pid).flatMap(ProcessHandle::of).ifPresent(worker -> {
                if (worker.destroyForcibly()) {
                    childCrashes.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            // a member being replaced right now; a failed task would end the schedule, so it is only noted
            problems.add("crashing a child failed: " + e.getMessage());
        }
    }

    private void raiseEvent() {
        List<MemberAgent> members = List.copyOf(live);
        long n = eventsSent.get() + eventsFailed.get();
        MemberAgent from = members.get((int) (n % members.size()));
        try {
            from.triggerEvent("soak.tick", Long.toString(n).getBytes(StandardCharsets.UTF_8), false);
            eventsSent.incrementAndGet();
        } catch (RuntimeException e) {
            eventsFailed.incrementAndGet();
        }
    }

    private void sample(ConsoleStandIn console) {
        try {
            System.gc();
            var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            double serfRss = live.stream().flatMap(agent -> agent.serf().process().stream())
                    .mapToDouble(serf -> ProcMemory.rssMb(serf.pid())).sum();
            MemorySample sample = new MemorySample(
                    Duration.ofNanos(System.nanoTime() - startNanos).toSeconds(),
                    memory.getUsed() / 1048576.0, memory.getCommitted() / 1048576.0,
                    ProcMemory.rssMb(ProcessHandle.current().pid()), serfRss,
                    Thread.activeCount(), live.size(), ledger.tally().seenTotal(), console.userEvents());
            samples.add(sample);
            out.printf("soak: t=%ds heap %.0f MiB (after GC), RSS %.0f MiB, serf RSS %.0f MiB, %d threads, "
                            + "%d transitions seen, %d user events seen, %d members spawned, %d killed, %d child crashes%n",
                    sample.seconds(), sample.heapUsedMb(), sample.rssMb(), sample.serfRssMb(), sample.threads(),
                    sample.transitionsSeen(), sample.userEventsSeen(), spawned.get(), killed.get(), childCrashes.get());
        } catch (RuntimeException e) {
            problems.add("a sample failed: " + e);
        }
    }

    private void closeQuietly(MemberAgent agent) {
        try {
            agent.close();
        } catch (RuntimeException e) {
            problems.add("closing " + agent.name() + " failed: " + e.getMessage());
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every process this JVM started and that is still there (serf agents, children), by pid. */
    private void killLeftovers() {
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            process.destroyForcibly();
        }
    }
}
