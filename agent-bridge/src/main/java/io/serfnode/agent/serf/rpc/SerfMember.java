package io.serfnode.agent.serf.rpc;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * One member of the Serf cluster.
 *
 * @param address     the gossip address; Serf sends 4- or 16-byte addresses (IPv4-mapped 16-byte
 *                    addresses become {@link java.net.Inet4Address}); {@code null} if Serf sent none
 * @param protocolMin lowest memberlist protocol the member understands (likewise max/cur)
 * @param delegateMin lowest Serf protocol the member understands (likewise max/cur)
 */
public record SerfMember(
        String name,
        InetAddress address,
        int port,
        Map<String, String> tags,
        MemberStatus status,
        int protocolMin,
        int protocolMax,
        int protocolCur,
        int delegateMin,
        int delegateMax,
        int delegateCur) {

    public SerfMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean isAlive() {
        return status == MemberStatus.ALIVE;
    }

    /** The tag's value, or {@code null} when the member does not carry it. */
    public String tag(String key) {
        return tags.get(key);
    }
}
