package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.MemberStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault: the agent a console is connected to is killed (SIGKILL of its JVM and its serf).
 * Must hold: the client fails over to another member from its last {@code welcome}, resumes with its
 * per-member transition counters, and every supervisor transition of a busy child on a third member,
 * including those during the failover, arrives exactly once (no duplicate, no gap in the counters).
 * The failover time is measured and printed, never asserted.
 */
class ConsoleFailoverIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Exits after half a second and is restarted at once: a steady stream of transitions. */
    private static final String FLAPPING = """
            children:
              - flap:
                  exec: [/bin/sh, -c, "sleep 0.5"]
                  autorestart: true
                  startsecs: 0
            """;

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    private FailoverClient client;

    @AfterEach
    void end() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aClientFailsOverWhenItsAgentIsKilledAndSeesEveryTransitionExactlyOnce() throws Exception {
        Launch alpha = agents.plan("alpha", FLAPPING, null, "process");
        Launch bravo = agents.plan("bravo", "serfnode:\n  role: spare\n", alpha, "process");
        Launch charlie = agents.plan("charlie", "serfnode:\n  role: spare\n", alpha, "process");
        agents.start(alpha);
        agents.start(bravo);
        agents.start(charlie);
        client = FailoverClient.connect(bravo.api(), AgentJvms.TOKEN);
        await("bravo's client sees all three members alive and alpha's child busy").atMost(PATIENCE)
                .untilAsserted(() -> {
                    for (String member : List.of("alpha", "bravo", "charlie")) {
                        assertThat(client.statusOf(member)).as(member).contains(MemberStatus.ALIVE);
                    }
                    assertThat(client.countersOf("alpha")).hasSizeGreaterThan(5);
                });
        assertThat(client.agent()).contains("bravo");
        long beforeKill = client.lastCounters().get("alpha");

        long killedAt = System.nanoTime();
        agents.crash("bravo");

        await("the client is welcomed by another member").atMost(PATIENCE)
                .until(() -> !client.failovers().isEmpty());
        FailoverClient.Failover failover = client.failovers().getFirst();
        Duration sinceKill = Duration.ofNanos(failover.welcomedNanos() - killedAt);
        System.out.printf("[faults] failover from %s to %s: %d ms after SIGKILL, %d ms after the socket broke%n",
                failover.from(), failover.to(), sinceKill.toMillis(), failover.took().toMillis());
        assertThat(failover.from()).isEqualTo("bravo");
        assertThat(failover.to()).isIn("alpha", "charlie");
        await("alpha's transitions keep arriving after the failover").atMost(PATIENCE)
                .until(() -> client.lastCounters().get("alpha") > beforeKill + 20);
        await("the new agent reports bravo failed").atMost(PATIENCE)
                .until(() -> client.statusOf("bravo"), Optional.of(MemberStatus.FAILED)::equals);

        List<Long> counters = client.countersOf("alpha");
        assertThat(counters).as("alpha's transition counters at the client (problems: %s)", client.problems())
                .doesNotHaveDuplicates();
        long first = counters.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = counters.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(counters).as("no counter between the first (%d) and the last (%d) is missing", first, last)
                .hasSize((int) (last - first + 1));
    }
}
