package io.serfnode.agent.serf.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serfnode.agent.serf.testing.SerfCli;
import io.serfnode.agent.serf.testing.SerfTestAgent;
import io.serfnode.agent.serf.testing.SerfTestCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SerfRpcAuthIT {
    @RegisterExtension
    final SerfTestCluster cluster = SerfTestCluster.create();

    @Test
    void refusesRpcWithoutTheTokenAndAnswersWithIt() {
        SerfTestAgent agent = cluster.start(1, (index, config) -> config.withRpcAuthToken("s3cret")).getFirst();
        SerfCli cli = cluster.cli();

        SerfCli.Result withoutToken = cli.run(List.of("members", "-rpc-addr=" + agent.rpcAddress()));
        SerfCli.Result wrongToken = cli.run(List.of("members", "-rpc-addr=" + agent.rpcAddress(), "-rpc-auth=guess"));
        SerfCli.Result withToken = cli.run(cli.withRpc(agent.config(), "members"));

        assertThat(withoutToken.exitCode()).isNotZero();
        assertThat(withoutToken.output()).contains("Authentication required");
        assertThat(wrongToken.exitCode()).isNotZero();
        assertThat(withToken.exitCode()).isZero();
        assertThat(withToken.output()).contains(agent.nodeName()).contains("alive");
    }
}
