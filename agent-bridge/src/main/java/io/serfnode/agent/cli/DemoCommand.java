package io.serfnode.agent.cli;

import io.serfnode.agent.member.MemberAgent;
import io.serfnode.agent.member.MemberAgentConfig;
import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.support.FreePorts;
import io.serfnode.agent.support.LogSetup;
import io.serfnode.agent.support.ShutdownSafeLogManager;
import io.serfnode.model.Member;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serfnode demo}: a small cluster of real members on this machine's loopback, each with its own
 * serf agent, showing membership and user events as every member sees them. Ctrl+C makes every member
 * leave and removes what the demo created.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = SerfnodeVersion.class,
        description = {
            "Starts a local cluster of real members (each with its own serf agent) on 127.0.0.1, prints "
                + "membership and user events as the members see them, and a table of the cluster. Ctrl+C "
                + "stops every member gracefully and removes the demo's files.",
            ""})
public final class DemoCommand implements Callable<Integer> {
    private static final String[] ROLES = {"web", "db", "cache", "web", "worker"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--members", paramLabel = "N", defaultValue = "3",
            description = "How many members to start (1 to 5). Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--event-every", paramLabel = "SECONDS", defaultValue = "5",
            description = "How often the first member broadcasts a demo user event. Default: ${DEFAULT-VALUE}.")
    int eventEvery;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "Log level of the members' own logs: debug, info, warn or error. Default: ${DEFAULT-VALUE}.")
    String logLevel;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > ROLES.length) {
            System.err.println("serfnode demo: --members must be between 1 and " + ROLES.length);
            return AgentCommand.EXIT_BAD_CONFIGURATION;
        }
        LogSetup.configure(logLevel);
        Path home = Files.createTempDirectory("serfnode-demo-");
        List<MemberAgent> members = new ArrayList<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("demo-ticker").factory());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping: every member leaves the cluster …");
            ticker.shutdownNow();
            members.reversed().forEach(MemberAgent::close);
            deleteQuietly(home);
            say("stopped; nothing is left running.");
            stopped.countDown();
            ShutdownSafeLogManager.finish();
        }, "serfnode-demo-shutdown"));

        SerfAddress first = null;
        for (int i = 0; i < count; i++) {
            String role = ROLES[i];
            String name = role + "-" + (i + 1);
            SerfAddress bind = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
            SerfAddress rpc = SerfAddress.of("127.0.0.1", FreePorts.pick("127.0.0.1"));
            MemberAgentConfig config = MemberAgentConfig.local(name, bind, rpc, home.resolve(name))
                    .withRoles(List.of(role))
                    .withJoin(first == null ? List.of() : List.of(first));
            MemberAgent member = new MemberAgent(config);
            member.membership().addListener(event -> say("%-8s sees %-13s %s (%s, roles %s)", name, event.kind(),
                    event.member().name(), event.member().address() + ":" + event.member().port(),
                    String.join(" ", event.member().roles())));
            member.addUserEventListener(event -> say("%-8s got  user event  %s %s", name, event.name(),
                    event.payload().asText().orElse(event.payload().size() + " bytes")));
            members.add(member);
            member.start();
            say("started %s (role %s): gossip %s, serf pid %d", name, role, bind,
                    member.serf().process().map(p -> p.pid()).orElse(-1L));
            if (first == null) {
                first = bind;
            }
        }

        AtomicLong sent = new AtomicLong();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                long n = sent.incrementAndGet();
                members.getFirst().triggerEvent("demo.hello",
                        ("{\"from\":\"" + members.getFirst().name() + "\",\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8),
                        false);
                if (n % 3 == 1) {
                    printTable(members.getLast());
                }
            } catch (RuntimeException e) {
                say("could not send the demo event: %s", e.getMessage());
            }
        }, eventEvery, eventEvery, TimeUnit.SECONDS);

        say("the cluster is up; press Ctrl+C to stop it");
        stopped.await();
        return 0;
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
