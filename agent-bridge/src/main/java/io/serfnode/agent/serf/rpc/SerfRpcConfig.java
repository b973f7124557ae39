package io.serfnode.agent.serf.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one agent's RPC endpoint.
 *
 * @param address        the agent's {@code rpc_addr}
 * @param authKey        the agent's {@code rpc_auth}, or {@code null} when it has none
 * @param connectTimeout bound on opening each TCP connection
 * @param commandTimeout bound on waiting for a command's reply (and a stream's acknowledgement);
 *                       keyring commands and join with unreachable addresses can take seconds
 * @param limits         the size limits the agent was configured with
 * @param member         name used in log lines ({@code [member][serf-rpc]})
 */
public record SerfRpcConfig(
        InetSocketAddress address,
        String authKey,
        Duration connectTimeout,
        Duration commandTimeout,
        SerfLimits limits,
        String member) {

    public static final int DEFAULT_PORT = 7373;

    public SerfRpcConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(limits, "limits");
        if (authKey != null && authKey.isEmpty()) {
            authKey = null;
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, was " + commandTimeout);
        }
        member = member == null || member.isBlank() ? address.getHostString() + ":" + address.getPort() : member;
    }

    /** Serf's own default endpoint, 127.0.0.1:7373, without auth. */
    public static SerfRpcConfig localDefault() {
        return of(new InetSocketAddress("127.0.0.1", DEFAULT_PORT));
    }

    /** Defaults: no auth key, 5 s to connect, 30 s per command, Serf's default limits. */
    public static SerfRpcConfig of(InetSocketAddress address) {
        return new SerfRpcConfig(address, null, Duration.ofSeconds(5), Duration.ofSeconds(30), SerfLimits.DEFAULTS, null);
    }

    public static SerfRpcConfig of(String host, int port) {
        return of(new InetSocketAddress(host, port));
    }

    public boolean hasAuthKey() {
        return authKey != null;
    }

    public SerfRpcConfig withAddress(InetSocketAddress address) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    public SerfRpcConfig withAuthKey(String authKey) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    public SerfRpcConfig withConnectTimeout(Duration connectTimeout) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    public SerfRpcConfig withCommandTimeout(Duration commandTimeout) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    public SerfRpcConfig withLimits(SerfLimits limits) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    public SerfRpcConfig withMember(String member) {
        return new SerfRpcConfig(address, authKey, connectTimeout, commandTimeout, limits, member);
    }

    /** Never prints the auth key. */
    @Override
    public String toString() {
        return "SerfRpcConfig[address=" + address + ", authKey=" + (authKey == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", commandTimeout=" + commandTimeout
                + ", limits=" + limits + ", member=" + member + "]";
    }
}
