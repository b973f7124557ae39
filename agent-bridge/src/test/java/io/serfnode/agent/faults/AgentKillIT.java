package io.serfnode.agent.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Container;
import io.serfnode.agent.faults.AgentJvms.Launch;
import io.serfnode.agent.member.EngineContainers;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault: SIGKILL of a member's agent JVM (and of its serf, as a machine crash would end both) while its
 * Docker children run.
 * Must hold: every other member reports the member failed; the agent started again on the same state
 * directory adopts its running containers: the same container ids, no second container for any child, and the
 * children RUNNING again without a restart.
 */
class AgentKillIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    final SerfTestCluster serf = SerfTestCluster.create();

    @RegisterExtension
    final AgentJvms agents = AgentJvms.on(serf);

    private EngineContainers engine;
    private FailoverClient atBravo;
    private FailoverClient atCharlie;

    @BeforeEach
    void open() throws Exception {
        engine = new EngineContainers();
    }

    @AfterEach
    void end() throws Exception {
        try {
            for (FailoverClient client : new FailoverClient[] {atBravo, atCharlie}) {
                if (client != null) {
                    client.close();
                }
            }
            // the agents end before their containers go
            agents.close();
        } finally {
            engine.close();
        }
    }

    @Test
    void othersSeeAKilledAgentFailedAndItsRestartAdoptsItsContainersWithoutDuplicates() throws Exception {
        String member = engine.newMember("agent-kill");
        Launch crashing = agents.plan(member, """
                children:
                  - web:
                      image: %1$s
                      command: sleep 1000
                      stopwaitsecs: 2
                  - worker:
                      image: %1$s
                      command: sleep 1000
                      stopwaitsecs: 2
                """.formatted(EngineContainers.IMAGE), null, "docker");
        Launch bravo = agents.plan("bravo", "serfnode:\n  role: spare\n", crashing, "process");
        Launch charlie = agents.plan("charlie", "serfnode:\n  role: spare\n", crashing, "process");
        agents.start(crashing);
        agents.start(bravo);
        agents.start(charlie);
        atBravo = FailoverClient.connect(bravo.api(), AgentJvms.TOKEN);
        atCharlie = FailoverClient.connect(charlie.api(), AgentJvms.TOKEN);
        await("both children RUNNING, all members alive at both clients").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ChildFiles.state(crashing.stateDir(), "web")).isEqualTo("RUNNING");
            assertThat(ChildFiles.state(crashing.stateDir(), "worker")).isEqualTo("RUNNING");
            for (FailoverClient client : List.of(atBravo, atCharlie)) {
                for (String name : List.of(member, "bravo", "charlie")) {
                    assertThat(client.statusOf(name)).as(name).contains(MemberStatus.ALIVE);
                }
            }
        });
        String web = ChildFiles.status(crashing.stateDir(), "web").path("containerId").asText();
        String worker = ChildFiles.status(crashing.stateDir(), "worker").path("containerId").asText();
        assertThat(engine.of(member)).extracting(Container::getId).containsExactlyInAnyOrder(web, worker);

        long killedAt = System.nanoTime();
        agents.crash(member);

        await("bravo's and charlie's clients report the member failed").atMost(PATIENCE)
                .until(() -> atBravo.statusOf(member).equals(Optional.of(MemberStatus.FAILED))
                        && atCharlie.statusOf(member).equals(Optional.of(MemberStatus.FAILED)));
        long failedAt = System.nanoTime();
        assertThat(engine.of(member)).as("containers after the crash").extracting(Container::getId)
                .containsExactlyInAnyOrder(web, worker);
        int transitionsBefore = atBravo.transitions().size();

        agents.start(crashing);

        await("the restarted agent has both children RUNNING and is alive again at both clients")
                .atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(ChildFiles.state(crashing.stateDir(), "web")).isEqualTo("RUNNING");
                    assertThat(ChildFiles.state(crashing.stateDir(), "worker")).isEqualTo("RUNNING");
                    assertThat(atBravo.statusOf(member)).contains(MemberStatus.ALIVE);
                    assertThat(atCharlie.statusOf(member)).contains(MemberStatus.ALIVE);
                });
        long backAt = System.nanoTime();
        System.out.printf("[faults] agent kill: member-failed at the other members' clients %d ms after SIGKILL; "
                        + "restarted agent alive with its children adopted %d ms after its start%n",
                Duration.ofNanos(failedAt - killedAt).toMillis(), Duration.ofNanos(backAt - failedAt).toMillis());
        assertThat(ChildFiles.status(crashing.stateDir(), "web").path("containerId").asText()).isEqualTo(web);
        assertThat(ChildFiles.status(crashing.stateDir(), "worker").path("containerId").asText()).isEqualTo(worker);
        assertThat(engine.of(member)).as("containers of %s after the restart", member)
                .extracting(Container::getId).containsExactlyInAnyOrder(web, worker);
        // adoption is not a restart: no child went through STOPPED/EXITED/BACKOFF at the others' view
        List<SupervisorStateChanged> after = atBravo.transitions().subList(transitionsBefore,
                atBravo.transitions().size());
        assertThat(after).as("transitions after the restart").noneMatch(event -> event.to().name().equals("EXITED")
                || event.to().name().equals("BACKOFF") || event.to().name().equals("STOPPED"));
        SerfKillIT.assertExactlyOnceWithoutGap(atBravo, member);
    }
}
