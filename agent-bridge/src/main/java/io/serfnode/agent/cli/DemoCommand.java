package io.serfnode.agent.cli;

import io.serfnode.agent.config.ConfigException;
import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.support.LogSetup;
import io.serfnode.agent.support.ShutdownSafeLogManager;
import io.serfnode.model.Member;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.agent.supervisor.TransitionCallback;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serfnode demo}: a cluster of five real members on this machine's loopback (roles web, web, db, cache,
 * worker), each with its own serf agent, process children and WebSocket API, sharing one token file; then the
 * console, connected to it. Ctrl+C makes every member leave (spawned members too) and removes what the demo
 * created.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = SerfnodeVersion.class,
        description = {
            "Starts a local cluster of real members (each with its own serf agent, process children and WebSocket "
                + "API) on loopback and opens the console connected to it. Ctrl+C stops every member (and the "
                + "members spawned from them) gracefully and removes the demo's files.",
            ""})
public final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--members", paramLabel = "N", defaultValue = "5",
            description = "How many members to start (1 to 5: web, web, db, cache, worker). Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--headless",
            description = "Do not open the console; print how to connect to the cluster instead.")
    boolean headless;

    @Option(names = "--host", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "The loopback address the members bind (gossip, RPC, WebSocket). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "The demo templates (web.yml, db.yml, cache.yml, worker.yml); default: assets/demo of the "
                + "checkout (SERFNODE_HOME).")
    Path templates;

    @Option(names = "--event-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often the first member broadcasts a demo user event (0: never). Default: ${DEFAULT-VALUE}.")
    int eventEvery;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "Log level of the members' own logs: debug, info, warn or error. Default: ${DEFAULT-VALUE}.")
    String logLevel;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > DemoCluster.ROLES.size()) {
            System.err.println("serfnode demo: --members must be between 1 and " + DemoCluster.ROLES.size());
            return AgentCommand.EXIT_BAD_CONFIGURATION;
        }
        Path templateDir = templates != null ? templates : defaultTemplates();
        if (templateDir == null || !Files.isDirectory(templateDir)) {
            System.err.println("serfnode demo: no demo templates found" + (templateDir == null ? "" : " in "
                    + templateDir) + "; give --templates DIR (assets/demo of the checkout)");
            return AgentCommand.EXIT_BAD_CONFIGURATION;
        }
        LogSetup.configure(logLevel);
        Path home = Files.createTempDirectory("serfnode-demo-");
        AtomicReference<DemoCluster> running = new AtomicReference<>();
        AtomicReference<Process> console = new AtomicReference<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("demo-ticker").factory());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping: every member leaves the cluster …");
            ticker.shutdownNow();
            Process window = console.get();
            if (window != null) {
                window.destroy();
            }
            DemoCluster cluster = running.get();
            if (cluster != null) {
                cluster.close();
            }
            deleteQuietly(home);
            say("stopped; nothing is left running.");
            stopped.countDown();
            ShutdownSafeLogManager.finish();
        }, "serfnode-demo-shutdown"));

        DemoCluster cluster;
        try {
            cluster = DemoCluster.start(home, templateDir, host, count, logLevel, this::watch);
        } catch (ConfigException e) {
            System.err.println("serfnode demo: a demo template is not valid:");
            System.err.println(e.getMessage());
            return AgentCommand.EXIT_BAD_CONFIGURATION;
        }
        running.set(cluster);
        for (MemberAgent member : cluster.members()) {
            say("started %-9s roles %-7s ws %s", member.name(), String.join(" ", member.config().roles()),
                    member.api().orElseThrow().uri());
        }
        if (eventEvery > 0) {
            scheduleEvents(ticker, cluster);
        }
        printHowToConnect(cluster);
        if (!headless) {
            console.set(openConsole(cluster));
        }
        say("the cluster is up; press Ctrl+C to stop it");
        stopped.await();
        return 0;
    }

    private void watch(MemberAgent member) {
        member.membership().addListener(event -> say("%-9s sees %-13s %s (roles %s)", member.name(), event.kind(),
                event.member().name(), String.join(" ", event.member().roles())));
        member.supervisor().subscribe(new TransitionCallback() {
            @Override
            public void onNext(SupervisorStateChanged event) {
                say("%-9s child %-11s %s -> %s%s", member.name(), event.child(), event.from(), event.to(),
                        event.exitCode() == null ? "" : " (exit code " + event.exitCode() + ")");
            }
        });
    }

    private void scheduleEvents(ScheduledExecutorService ticker, DemoCluster cluster) {
        AtomicLong sent = new AtomicLong();
        MemberAgent first = cluster.members().getFirst();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                long n = sent.incrementAndGet();
                first.triggerEvent("demo.hello", ("hello " + n + " from " + first.name())
                        .getBytes(StandardCharsets.UTF_8), false);
                if (n % 3 == 1) {
                    printTable(cluster.members().getLast());
                }
            } catch (RuntimeException e) {
                say("could not send the demo event: %s", e.getMessage());
            }
        }, eventEvery, eventEvery, TimeUnit.SECONDS);
    }

    private void printHowToConnect(DemoCluster cluster) {
        synchronized (out) {
            out.printf("%n  Connect a console to the demo cluster:%n");
            out.printf("    URL         %s%n", cluster.consoleUri());
            out.printf("    token file  %s%n", cluster.tokenFile());
            out.printf("    command     %s%n%n", String.join(" ", consoleCommand(cluster)));
            out.flush();
        }
    }

    /** The console, connected to the cluster; the cluster keeps running whatever becomes of it. */
    private Process openConsole(DemoCluster cluster) {
        List<String> command = consoleCommand(cluster);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            process.onExit().thenAccept(ended -> {
                if (ended.exitValue() != 0) {
                    say("the console exited with code %d; the cluster keeps running (connect as shown above; "
                            + "Ctrl+C stops it)", ended.exitValue());
                } else {
                    say("the console closed; the cluster keeps running (Ctrl+C stops it)");
                }
            });
            return process;
        } catch (IOException e) {
            say("could not open the console (%s): %s; the cluster keeps running, connect as shown above",
                    String.join(" ", command), e.getMessage());
            return null;
        }
    }

    private static List<String> consoleCommand(DemoCluster cluster) {
        String launcher = System.getenv("SERFNODE_HOME") != null
                ? Path.of(System.getenv("SERFNODE_HOME"), "bin", "serfnode").toString() : "bin/serfnode";
        return List.of(launcher, "console", "--connect", cluster.consoleUri().toString(), "--token-file",
                cluster.tokenFile().toString());
    }

    private static Path defaultTemplates() {
        String home = System.getenv("SERFNODE_HOME");
        Path checkout = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        Path demo = checkout.resolve("assets").resolve("demo");
        return Files.isDirectory(demo) ? demo : null;
    }

    private void printTable(MemberAgent viewer) {
        List<Member> known = viewer.members().stream().sorted(Comparator.comparing(Member::name)).toList();
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n  the cluster as %s sees it:%n  %-10s %-22s %-8s %s%n", viewer.name(),
                "MEMBER", "ADDRESS", "STATUS", "ROLES"));
        for (Member member : known) {
            table.append(String.format("  %-10s %-22s %-8s %s%n", member.name(), member.address() + ":" + member.port(),
                    member.status().serfName(), String.join(" ", member.roles())));
        }
        synchronized (out) {
            out.print(table);
            out.flush();
        }
    }

    private void say(String format, Object... args) {
        synchronized (out) {
            out.println(LocalTime.now().format(TIME) + "  " + String.format(format, args));
            out.flush();
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("serfnode demo: could not remove " + root + ": " + e.getMessage());
        }
    }
}
