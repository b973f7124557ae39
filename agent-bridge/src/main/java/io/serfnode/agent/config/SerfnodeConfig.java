package io.serfnode.agent.config;

import io.serfnode.agent.child.ChildSpec;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code serfnode.yml} (and the environment variables that override it) asks a member to be.
 *
 * @param roles       the member's roles, in order, without duplicates; none means no {@code role} tag
 * @param join        addresses ({@code host[:port]}) of members to join at start; none starts a new cluster
 * @param serfIp      the address serf binds to, or {@code null} to let the agent choose
 * @param serfPort    serf's gossip port (default 7946)
 * @param serviceIp   the address this member's service is reached at, or {@code null} for the serf address
 * @param servicePort the port of this member's service, or 0 when it has none
 * @param nodeName    the serf node name, or {@code null} to let the agent choose a unique one
 * @param children    the children in file order, each with the {@code serfnode:} defaults merged in
 */
public record SerfnodeConfig(
        List<String> roles,
        List<String> join,
        String serfIp,
        int serfPort,
        String serviceIp,
        int servicePort,
        String nodeName,
        List<ChildSpec> children) {

    /** Serf's own default gossip port. */
    public static final int DEFAULT_SERF_PORT = 7946;

    /** A member with no roles, joining nobody, on serf's default port, with no children. */
    public static final SerfnodeConfig DEFAULTS = new SerfnodeConfig(
            List.of(), List.of(), null, DEFAULT_SERF_PORT, null, 0, null, List.of());

    public SerfnodeConfig {
        roles = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(roles, "roles")));
        join = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(join, "join")));
        children = List.copyOf(Objects.requireNonNull(children, "children"));
        if (serfPort < 1 || serfPort > 65535) {
            throw new IllegalArgumentException("serf_port must be 1-65535: " + serfPort);
        }
        if (servicePort < 0 || servicePort > 65535) {
            throw new IllegalArgumentException("service_port must be 0-65535: " + servicePort);
        }
        Set<String> names = new HashSet<>();
        for (ChildSpec child : children) {
            if (!names.add(child.name())) {
                throw new IllegalArgumentException("two children are named '" + child.name() + "'");
            }
        }
    }

    public SerfnodeConfig withRoles(List<String> value) {
        return new SerfnodeConfig(value, join, serfIp, serfPort, serviceIp, servicePort, nodeName, children);
    }

    public SerfnodeConfig withJoin(List<String> value) {
        return new SerfnodeConfig(roles, value, serfIp, serfPort, serviceIp, servicePort, nodeName, children);
    }

    public SerfnodeConfig withSerfIp(String value) {
        return new SerfnodeConfig(roles, join, value, serfPort, serviceIp, servicePort, nodeName, children);
    }

    public SerfnodeConfig withSerfPort(int value) {
        return new SerfnodeConfig(roles, join, serfIp, value, serviceIp, servicePort, nodeName, children);
    }

    public SerfnodeConfig withServiceIp(String value) {
        return new SerfnodeConfig(roles, join, serfIp, serfPort, value, servicePort, nodeName, children);
    }

    public SerfnodeConfig withServicePort(int value) {
        return new SerfnodeConfig(roles, join, serfIp, serfPort, serviceIp, value, nodeName, children);
    }

    public SerfnodeConfig withNodeName(String value) {
        return new SerfnodeConfig(roles, join, serfIp, serfPort, serviceIp, servicePort, value, children);
    }

    public SerfnodeConfig withChildren(List<ChildSpec> value) {
        return new SerfnodeConfig(roles, join, serfIp, serfPort, serviceIp, servicePort, nodeName, value);
    }

    /** The child with this name, if there is one. */
    public java.util.Optional<ChildSpec> child(String name) {
        return children.stream().filter(child -> child.name().equals(name)).findFirst();
    }
}
