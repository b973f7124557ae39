package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.member.AgentJvm;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault: the agent was started ignoring SIGINT and SIGHUP, as {@code nohup} and a script's {@code &} start it.
 * Must hold: its children do not inherit that, so a child whose stop signal is INT or HUP stops on it when the
 * agent stops, instead of being killed once its {@code stopwaitsecs} (a minute here) are over.
 */
class IgnoredSignalsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Far below the children's stopwaitsecs: only a child that took its stop signal ends within it. */
    private static final Duration STOPPED_ON_SIGNAL = Duration.ofSeconds(20);
    private static final List<String> IGNORING_INT_AND_HUP =
            List.of("/bin/sh", "-c", "trap '' INT HUP; exec \"$@\"", "sh");
    private static final String CHILDREN = """
            children:
              - on-int:
                  exec: /bin/sleep 1000
                  stopsignal: INT
                  stopwaitsecs: 60
              - on-hup:
                  exec: /bin/sleep 1000
                  stopsignal: HUP
                  stopwaitsecs: 60
            """;

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    @Test
    void childrenOfAnAgentIgnoringIntAndHupStillStopOnThem() throws Exception {
        Launch alpha = agents.plan("alpha", CHILDREN, null, "process");
        AgentJvm agent = agents.start(alpha, IGNORING_INT_AND_HUP);
        await("both children RUNNING").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ChildFiles.state(alpha.stateDir(), "on-int")).isEqualTo("RUNNING");
            assertThat(ChildFiles.state(alpha.stateDir(), "on-hup")).isEqualTo("RUNNING");
        });
        List<ProcessHandle> children = List.of(
                ProcessHandle.of(ChildFiles.status(alpha.stateDir(), "on-int").path("pid").asLong()).orElseThrow(),
                ProcessHandle.of(ChildFiles.status(alpha.stateDir(), "on-hup").path("pid").asLong()).orElseThrow());
        agents.trackDescendants(agent);

        long stopAt = System.nanoTime();
        assertThat(agent.stop(STOPPED_ON_SIGNAL.toSeconds()))
                .as("the agent stopped its children and ended within %s", STOPPED_ON_SIGNAL).isTrue();

        assertThat(children).noneMatch(ProcessHandle::isAlive);
        System.out.printf("[faults] ignored signals: the agent and its children stopped %d ms after SIGTERM%n",
                Duration.ofNanos(System.nanoTime() - stopAt).toMillis());
    }
}
