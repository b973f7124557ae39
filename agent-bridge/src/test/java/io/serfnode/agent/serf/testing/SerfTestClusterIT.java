package io.serfnode.agent.serf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.process.SerfStartupException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SerfTestClusterIT {
    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    @Test
    void startsJoinedAgentsOnDistinctLoopbackAddresses() {
        List<SerfTestAgent> agents = cluster.start(3);

        assertThat(agents).extracting(agent -> agent.bindAddress().host()).doesNotHaveDuplicates()
                .allMatch(host -> host.startsWith("127."));
        for (SerfTestAgent agent : agents) {
            assertThat(cluster.cli().members(agent.config()))
                    .extracting(SerfCli.Member::name, SerfCli.Member::status)
                    .containsExactlyInAnyOrderElementsOf(agents.stream()
                            .map(other -> org.assertj.core.groups.Tuple.tuple(other.nodeName(), "alive")).toList());
        }
    }

    @Test
    void givesEachAgentItsOwnTags() {
        List<SerfTestAgent> agents = cluster.start(2, (index, config) -> config.withTag("role", "role-" + index));

        assertThat(cluster.cli().members(agents.get(0).config()))
                .extracting(SerfCli.Member::name, SerfCli.Member::tags)
                .contains(org.assertj.core.groups.Tuple.tuple(agents.get(1).nodeName(), Map.of("role", "role-1")));
    }

    @Test
    void endsEveryProcessByPidWhenClosed() {
        List<Long> pids;
        try (SerfTestCluster own = SerfTestCluster.create()) {
            pids = own.start(2).stream().map(SerfTestAgent::pid).toList();
            assertThat(pids).allMatch(SerfTestClusterIT::running);
        }

        assertThat(pids).noneMatch(SerfTestClusterIT::running);
    }

    @Test
    void endsProcessesOfAStartThatFailedHalfway() {
        List<Long> pids;
        try (SerfTestCluster own = SerfTestCluster.create()) {
            SerfTestAgent first = own.start(1).getFirst();
            SerfAgentProcess rpcClash = own.launch(own.newConfig("clash").withRpcAddress(first.rpcAddress()));
            assertThatThrownBy(() -> rpcClash.awaitReady(java.time.Duration.ofSeconds(20)))
                    .isInstanceOf(SerfStartupException.class);
            SerfAgentProcess neverAwaited = own.launch(own.newConfig("never-awaited"));
            pids = own.processes().stream().map(SerfAgentProcess::pid).toList();
            assertThat(pids).contains(first.pid(), rpcClash.pid(), neverAwaited.pid());
        }

        assertThat(pids).noneMatch(SerfTestClusterIT::running);
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
