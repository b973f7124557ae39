package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.model.command.CommandOutcome;
import io.serfnode.model.command.RestartChild;
import io.serfnode.model.command.ViewCheck;
import io.serfnode.model.command.ViewGroup;
import io.serfnode.model.command.ViewReport;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.wire.ResultMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real network partition: four members, each a real agent with its own serf in a network namespace of
 * its own, two on each side of one link that the test cuts and restores. Each side must mark the other
 * failed and keep working, the view check must show the split, and after the link is back the sides must
 * find each other again (serf's reconnect) until every view agrees.
 */
class NetworkPartitionIT {
    private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COMMAND_PATIENCE = Duration.ofSeconds(40);
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    private static final String TOKEN = "partition-test-token";

    private final List<NamespacedMember> members = new ArrayList<>();
    private final List<ClusterWatch> watches = new ArrayList<>();
    private NetworkLab lab;

    @AfterEach
    void tearDown() throws InterruptedException {
        watches.forEach(ClusterWatch::close);
        for (NamespacedMember member : members) {
            member.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void splitSidesMarkEachOtherFailedKeepWorkingAndAgreeAgainOnceHealed() throws Exception {
        Path work = freshWorkDir();
        Path token = work.resolve("api-token");
        Files.writeString(token, TOKEN);
        lab = NetworkLab.create();
        NetworkLab.Host westHost1 = lab.addHost(1, NetworkLab.Side.A);
        String seed = westHost1.address() + ":" + NamespacedMember.GOSSIP_PORT;
        NamespacedMember west1 = start("west-1", westHost1, null, token, work);
        NamespacedMember west2 = start("west-2", lab.addHost(2, NetworkLab.Side.A), seed, token, work);
        NamespacedMember east1 = start("east-1", lab.addHost(3, NetworkLab.Side.B), seed, token, work);
        NamespacedMember east2 = start("east-2", lab.addHost(4, NetworkLab.Side.B), seed, token, work);
        List<String> west = List.of("west-1", "west-2");
        List<String> east = List.of("east-1", "east-2");
        List<String> everyone = Stream.concat(east.stream(), west.stream()).sorted().toList();

        ClusterWatch westWatch = watch(west1, work);
        ClusterWatch eastWatch = watch(east1, work);
        await("all four members in one view").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> oneGroupOf(check(westWatch), everyone) && oneGroupOf(check(eastWatch), everyone));

        Instant cut = Instant.now();
        lab.cut();

        ViewReport westView = await("the west side marking the east side failed").atMost(CONVERGENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> check(westWatch), report -> sideAlone(report, west, east));
        ViewReport eastView = await("the east side marking the west side failed").atMost(CONVERGENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> check(eastWatch), report -> sideAlone(report, east, west));
        assertThat(westView.noAnswer()).as("the far side cannot hear a query").containsExactlyElementsOf(east);
        assertThat(eastView.groups().getFirst().digest()).as("the two sides see different memberships")
                .isNotEqualTo(westView.groups().getFirst().digest());
        Instant westSawFailures = lastOf(westWatch, cut, east, true);
        Instant eastSawFailures = lastOf(eastWatch, cut, west, true);

        // each side keeps working: a command relayed to the other member of its own side is carried out
        assertThat(westWatch.run(new RestartChild("west-2", "sleeper"), COMMAND_PATIENCE).outcome())
                .isEqualTo(CommandOutcome.OK);
        assertThat(eastWatch.run(new RestartChild("east-2", "sleeper"), COMMAND_PATIENCE).outcome())
                .isEqualTo(CommandOutcome.OK);
        ResultMessage across = westWatch.run(new RestartChild("east-2", "sleeper"), COMMAND_PATIENCE);
        assertThat(across.outcome()).as("a command for a member across the cut: %s", across.error())
                .isEqualTo(CommandOutcome.REJECTED);

        Instant heal = Instant.now();
        lab.heal();

        ViewReport healedWest = await("every view agreeing again after the heal").atMost(CONVERGENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> check(westWatch), report -> oneGroupOf(report, everyone));
        ViewReport healedEast = await("the east side's check agreeing too").atMost(CONVERGENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> check(eastWatch), report -> oneGroupOf(report, everyone));
        assertThat(healedEast.groups().getFirst().digest()).isEqualTo(healedWest.groups().getFirst().digest());
        Instant westSawRejoins = lastOf(westWatch, heal, east, false);
        Instant eastSawRejoins = lastOf(eastWatch, heal, west, false);

        assertThat(members).allMatch(NamespacedMember::isAlive);
        report(work, List.of(
                "time to mark the other side failed, west: " + millis(cut, westSawFailures) + " ms",
                "time to mark the other side failed, east: " + millis(cut, eastSawFailures) + " ms",
                "time to rejoin after heal, west sees east: " + millis(heal, westSawRejoins) + " ms",
                "time to rejoin after heal, east sees west: " + millis(heal, eastSawRejoins) + " ms"));
    }

    private NamespacedMember start(String name, NetworkLab.Host host, String join, Path token, Path work)
            throws IOException {
        NamespacedMember member = NamespacedMember.start(name, host, join, token, work.resolve(name),
                RECONNECT_INTERVAL);
        members.add(member);
        return member;
    }

    private ClusterWatch watch(NamespacedMember member, Path work) throws IOException {
        URI api = member.openApi(work.resolve(member.name()));
        ClusterWatch watch = await(member.name() + "'s API").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> ClusterWatch.connect(member.name(), api, TOKEN), connected -> connected != null);
        watches.add(watch);
        return watch;
    }

    private static ViewReport check(ClusterWatch watch) {
        ResultMessage result = watch.run(new ViewCheck(CHECK_TIMEOUT), COMMAND_PATIENCE);
        assertThat(result.outcome()).as("view-check: %s", result.error()).isEqualTo(CommandOutcome.OK);
        return (ViewReport) result.value();
    }

    /** Every member answered, and they all see everyone alive. */
    private static boolean oneGroupOf(ViewReport report, List<String> everyone) {
        if (report.groups().size() != 1 || !report.noAnswer().isEmpty()) {
            return false;
        }
        ViewGroup group = report.groups().getFirst();
        return group.members().equals(everyone) && group.alive() == everyone.size() && group.failed() == 0;
    }

    /** Only {@code side} answers, as one group that holds exactly {@code other} failed. */
    private static boolean sideAlone(ViewReport report, List<String> side, List<String> other) {
        if (report.groups().size() != 1) {
            return false;
        }
        ViewGroup group = report.groups().getFirst();
        return group.members().equals(side) && group.failedMembers().equals(other)
                && group.alive() == side.size() && report.noAnswer().equals(other);
    }

    /** When {@code watch} saw the last of {@code others} fail (or join), after {@code since}. */
    private static Instant lastOf(ClusterWatch watch, Instant since, List<String> others, boolean failed) {
        return others.stream()
                .map(other -> watch.firstEvent(since, event -> failed
                        ? event instanceof MemberFailed f && f.member().name().equals(other)
                        : event instanceof MemberJoined j && j.member().name().equals(other)))
                .map(seen -> seen.orElseThrow(() -> new AssertionError("no member-" + (failed ? "failed" : "join")
                        + " event for one of " + others + " after " + since)))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** The measured times, for docs/reliability.md: printed and kept beside the members' logs. */
    private static void report(Path work, List<String> lines) throws IOException {
        lines.forEach(line -> System.out.println("[partition] " + line));
        Files.write(work.resolve("times.txt"), lines, StandardCharsets.UTF_8);
    }

    private static Path freshWorkDir() throws IOException {
        Path work = Path.of(System.getProperty("basedir", "."), "target", "partition-it",
                String.valueOf(System.currentTimeMillis())).toAbsolutePath();
        Files.createDirectories(work);
        return work;
    }
}
