package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.member.AgentJvm;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.MemberStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault: SIGKILL of a member's serf agent (the member's JVM keeps running).
 * Must hold: the agent starts a new serf which rejoins; the member's children are untouched (same pids, no
 * transition of the steady child); a client of another member sees the member alive again, and clients of
 * both members see every transition of the member's busy child exactly once, including those made while
 * serf was down; the client of the member itself keeps its connection.
 */
class SerfKillIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CHILDREN = """
            children:
              - app:
                  exec: /bin/sleep 1000
              - flap:
                  exec: [/bin/sh, -c, "sleep 0.5"]
                  autorestart: true
                  startsecs: 0
            """;

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    private final List<FailoverClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void end() {
        clients.forEach(FailoverClient::close);
    }

    @Test
    void aKilledSerfIsRestartedAndRejoinsWithChildrenUntouchedAndNoTransitionLostOrRepeated() throws Exception {
        Launch alpha = agents.plan("alpha", CHILDREN, null, "process");
        Launch bravo = agents.plan("bravo", "serfnode:\n  role: spare\n", alpha, "process");
        AgentJvm alphaJvm = agents.start(alpha);
        agents.start(bravo);
        FailoverClient atBravo = client(bravo);
        FailoverClient atAlpha = client(alpha);
        await("both clients see both members alive and alpha's children running").atMost(PATIENCE)
                .untilAsserted(() -> {
                    for (FailoverClient client : List.of(atAlpha, atBravo)) {
                        assertThat(client.statusOf("alpha")).contains(MemberStatus.ALIVE);
                        assertThat(client.statusOf("bravo")).contains(MemberStatus.ALIVE);
                        assertThat(client.countersOf("alpha")).hasSizeGreaterThan(5);
                    }
                    assertThat(ChildFiles.state(alpha.stateDir(), "app")).isEqualTo("RUNNING");
                });
        long appPid = ChildFiles.status(alpha.stateDir(), "app").path("pid").asLong();
        long appCounter = ChildFiles.status(alpha.stateDir(), "app").path("counter").asLong();
        List<ProcessHandle> serfs = alphaJvm.serfProcesses();
        assertThat(serfs).as("alpha's serf").hasSize(1);
        ProcessHandle killed = serfs.getFirst();
        long beforeKill = atBravo.lastCounters().get("alpha");

        long killedAt = System.nanoTime();
        killed.destroyForcibly();

        await("alpha runs a new serf").atMost(PATIENCE).until(() -> alphaJvm.serfProcesses().stream()
                .anyMatch(handle -> handle.pid() != killed.pid()));
        long newSerfAt = System.nanoTime();
        agents.trackDescendants(alphaJvm);
        await("alpha's transitions reach bravo's client again").atMost(PATIENCE)
                .until(() -> atBravo.lastCounters().get("alpha") > beforeKill + 20);
        long flowingAt = System.nanoTime();
        await("bravo's client sees alpha alive").atMost(PATIENCE)
                .until(() -> atBravo.statusOf("alpha").filter(MemberStatus.ALIVE::equals).isPresent());
        System.out.printf("[faults] serf kill: new serf after %d ms, alpha's transitions at bravo's client again "
                        + "after %d ms%n", Duration.ofNanos(newSerfAt - killedAt).toMillis(),
                Duration.ofNanos(flowingAt - killedAt).toMillis());

        assertThat(ChildFiles.status(alpha.stateDir(), "app").path("pid").asLong()).as("app's pid").isEqualTo(appPid);
        assertThat(ChildFiles.status(alpha.stateDir(), "app").path("counter").asLong())
                .as("app made no transition").isEqualTo(appCounter);
        assertThat(ProcessHandle.of(appPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(atAlpha.failovers()).as("alpha's own client kept its connection").isEmpty();
        long settled = atAlpha.lastCounters().get("alpha");
        await("bravo's client has caught up with alpha's own client").atMost(PATIENCE)
                .until(() -> atBravo.lastCounters().get("alpha") >= settled);
        for (FailoverClient client : List.of(atAlpha, atBravo)) {
            assertExactlyOnceWithoutGap(client, "alpha");
        }
    }

    private FailoverClient client(Launch launch) {
        FailoverClient client = FailoverClient.connect(launch.api(), AgentJvms.TOKEN);
        clients.add(client);
        return client;
    }

    static void assertExactlyOnceWithoutGap(FailoverClient client, String member) {
        List<Long> counters = client.countersOf(member);
        assertThat(counters).as("%s's transition counters at a client of %s (problems: %s)", member,
                client.agent().orElse("?"), client.problems()).isNotEmpty().doesNotHaveDuplicates();
        long first = counters.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = counters.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(counters).as("%s's counters %d..%d at a client of %s: none missing", member, first, last,
                client.agent().orElse("?")).hasSize((int) (last - first + 1));
    }
}
