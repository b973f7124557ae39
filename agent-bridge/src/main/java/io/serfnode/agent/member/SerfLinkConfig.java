package io.serfnode.agent.member;

import io.serfnode.agent.serf.process.SerfAgentConfig;
import io.serfnode.agent.serf.rpc.SerfRpcConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How a member reaches its serf agent: either a serf process of its own ({@code ownAgent}), or an agent
 * someone else runs ({@code attachTo}, the {@code --serf-attach} mode).
 *
 * @param ownAgent        the serf agent to start and keep alive, or {@code null} when attaching
 * @param attachTo        the RPC address (and auth key) of an agent to attach to, or {@code null}
 * @param readyTimeout    how long a starting serf may take before the start counts as failed
 * @param maxRestartDelay the longest pause between two restarts of a serf that keeps dying
 */
public record SerfLinkConfig(SerfAgentConfig ownAgent, SerfRpcConfig attachTo, Duration readyTimeout,
        Duration maxRestartDelay) {

    public SerfLinkConfig {
        if ((ownAgent == null) == (attachTo == null)) {
            throw new IllegalArgumentException("either run an own serf agent or attach to one, not both or neither");
        }
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(maxRestartDelay, "maxRestartDelay");
    }

    public static SerfLinkConfig own(SerfAgentConfig agent) {
        return new SerfLinkConfig(agent, null, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public static SerfLinkConfig attach(SerfRpcConfig rpc) {
        return new SerfLinkConfig(null, rpc, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public boolean attached() {
        return attachTo != null;
    }

    /** Where to reach the agent's RPC. */
    public SerfRpcConfig rpcConfig() {
        if (attachTo != null) {
            return attachTo;
        }
        return SerfRpcConfig.of(ownAgent.rpcAddress().host(), ownAgent.rpcAddress().port())
                .withAuthKey(ownAgent.rpcAuthToken());
    }

    public SerfLinkConfig withReadyTimeout(Duration value) {
        return new SerfLinkConfig(ownAgent, attachTo, value, maxRestartDelay);
    }

    public SerfLinkConfig withMaxRestartDelay(Duration value) {
        return new SerfLinkConfig(ownAgent, attachTo, readyTimeout, value);
    }
}
