package io.serfnode.agent.serf.testing;

import io.serfnode.agent.serf.process.SerfAddress;
import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.process.SerfAgentProcess;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;

/** One running, ready agent of a {@link SerfTestCluster}: what a test needs to connect to it. */
public record SerfTestAgent(SerfAgentConfig config, SerfAgentProcess process) {
    public String nodeName() {
        return config.nodeName();
    }

    public SerfAddress rpcAddress() {
        return config.rpcAddress();
    }

    /** {@code null} when the agent takes RPC without a token. */
    public String rpcAuthToken() {
        return config.rpcAuthToken();
    }

    public SerfAddress bindAddress() {
        return config.bind();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * How our RPC client reaches this agent: its RPC address and token, with the node name in log lines. Tests derive
     * wrong-token configs from it with {@link SerfRpcConfig#withAuthKey}.
     */
    public SerfRpcConfig rpcConfig() {
        return SerfRpcConfig.of(rpcAddress().host(), rpcAddress().port())
                .withAuthKey(rpcAuthToken())
                .withMember(nodeName());
    }
}
