package io.serfnode.agent.faults;

import static io.serfnode.model.SupervisorState.BACKOFF;
import static io.serfnode.model.SupervisorState.FATAL;
import static io.serfnode.model.SupervisorState.STARTING;
import static io.serfnode.model.SupervisorState.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault: a child that exits during {@code startsecs} every time (a crash loop), {@code startretries: 3}.
 * Must hold: STARTING → BACKOFF four times (attempts 1–4, each with the exit code), the n-th retry no sooner
 * than n seconds after the n-th BACKOFF, then BACKOFF → FATAL; and FATAL stays, with no further transition
 * of the child, for the following 15 s. A client of a second member sees the same sequence (from the moment
 * alpha had joined), each transition once.
 */
class CrashLoopIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration STAYS_FATAL = Duration.ofSeconds(15);
    private static final int START_RETRIES = 3;

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    private final List<FailoverClient> clients = new ArrayList<>();

    @AfterEach
    void end() {
        clients.forEach(FailoverClient::close);
    }

    /** One transition without its time and counter. */
    record Step(SupervisorState from, SupervisorState to, Integer exitCode, int attempt) {
        static Step of(SupervisorStateChanged event) {
            return new Step(event.from(), event.to(), event.exitCode(), event.attempt());
        }
    }

    @Test
    void aCrashLoopingChildBacksOffAsConfiguredThenStaysFatal() throws Exception {
        Launch bravo = agents.plan("bravo", "serfnode:\n  role: spare\n", null, "process");
        agents.start(bravo);
        FailoverClient atBravo = FailoverClient.connect(bravo.api(), AgentJvms.TOKEN);
        clients.add(atBravo);
        Launch alpha = agents.plan("alpha", """
                children:
                  - crasher:
                      exec: /bin/sh -c 'echo starting; exit 3'
                      startsecs: 2
                      startretries: %d
                """.formatted(START_RETRIES), bravo, "process");
        agents.start(alpha);
        FailoverClient atAlpha = FailoverClient.connect(alpha.api(), AgentJvms.TOKEN);
        clients.add(atAlpha);

        await("crasher FATAL at both clients").atMost(PATIENCE).until(() -> clients.stream()
                .allMatch(client -> crasher(client).stream().anyMatch(event -> event.to() == FATAL)));

        List<Step> expected = new ArrayList<>(List.of(new Step(STOPPED, STARTING, null, 1)));
        for (int attempt = 1; attempt <= START_RETRIES + 1; attempt++) {
            expected.add(new Step(STARTING, BACKOFF, 3, attempt));
            expected.add(attempt <= START_RETRIES
                    ? new Step(BACKOFF, STARTING, null, attempt + 1)
                    : new Step(BACKOFF, FATAL, null, attempt));
        }
        List<SupervisorStateChanged> atMember = crasher(atAlpha);
        assertThat(atMember).extracting(Step::of).containsExactlyElementsOf(expected);
        // gossip that left before alpha had joined bravo cannot reach it; what arrives is the rest, in order
        List<Step> atOther = crasher(atBravo).stream().map(Step::of).toList();
        assertThat(atOther).as("at bravo's client").isNotEmpty()
                .containsExactlyElementsOf(expected.subList(expected.size() - atOther.size(), expected.size()));
        List<Long> waits = new ArrayList<>();
        for (int retry = 1; retry <= START_RETRIES; retry++) {
            SupervisorStateChanged backoff = atMember.get(2 * retry - 1);
            SupervisorStateChanged restart = atMember.get(2 * retry);
            Duration waited = Duration.between(backoff.time(), restart.time());
            waits.add(waited.toMillis());
            assertThat(waited).as("wait before retry %d", retry).isGreaterThanOrEqualTo(Duration.ofSeconds(retry));
        }
        System.out.printf("[faults] crash loop: waits before the retries %s ms (configured 1000, 2000, 3000)%n", waits);

        int seen = atMember.size();
        await("crasher stays FATAL").during(STAYS_FATAL).atMost(STAYS_FATAL.plusSeconds(30))
                .until(() -> crasher(atAlpha).size() == seen && crasher(atBravo).size() == seen
                        && ChildFiles.state(alpha.stateDir(), "crasher").equals("FATAL"));
        SerfKillIT.assertExactlyOnceWithoutGap(atAlpha, "alpha");
        SerfKillIT.assertExactlyOnceWithoutGap(atBravo, "alpha");
    }

    private static List<SupervisorStateChanged> crasher(FailoverClient client) {
        return client.transitions().stream()
                .filter(event -> event.member().equals("alpha") && event.child().equals("crasher")).toList();
    }
}
