package io.serfnode.agent.serf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.process.SerfStartupException;
import io.serfnode.agent.serf.rpc.SerfAuthenticationException;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.SerfRpcClient;
import java.net.InetSocketAddress;
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
    void startsUnjoinedAgentsThatSeeOnlyThemselves() {
        List<SerfTestAgent> agents = cluster.startUnjoined(2, (index, config) -> config.withTag("role", "role-" + index));

        for (SerfTestAgent agent : agents) {
            assertThat(cluster.cli().members(agent.config()))
                    .extracting(SerfCli.Member::name, SerfCli.Member::tags)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(agent.nodeName(),
                            Map.of("role", "role-" + agents.indexOf(agent))));
        }
    }

    @Test
    void givesAnRpcConfigWithTheAgentsAddressAndToken() {
        SerfTestAgent agent = cluster.start(1, (index, config) -> config.withRpcAuthToken("s3cret")).getFirst();

        assertThat(agent.rpcConfig().address())
                .isEqualTo(new InetSocketAddress(agent.rpcAddress().host(), agent.rpcAddress().port()));
        assertThat(agent.rpcConfig().authKey()).isEqualTo("s3cret");
        assertThat(agent.rpcConfig().member()).isEqualTo(agent.nodeName());
        assertThat(cluster.rpcClient(agent).members()).extracting(SerfMember::name).containsExactly(agent.nodeName());
        assertThatThrownBy(() -> cluster.rpcClient(agent.rpcConfig().withAuthKey("guess")))
                .isInstanceOf(SerfAuthenticationException.class);
    }

    @Test
    void closesItsRpcClientsWhenClosed() {
        SerfRpcClient client;
        long pid;
        try (SerfTestCluster own = SerfTestCluster.create()) {
            SerfTestAgent agent = own.start(1).getFirst();
            pid = agent.pid();
            client = own.rpcClient(agent);
            assertThat(client.isOpen()).isTrue();
        }

        assertThat(client.isOpen()).isFalse();
        assertThat(running(pid)).isFalse();
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
