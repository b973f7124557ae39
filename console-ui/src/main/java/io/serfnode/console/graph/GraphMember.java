package io.serfnode.console.graph;

import io.serfnode.model.MemberStatus;
import java.util.List;
import java.util.Objects;

/**
 * A member as the graph draws it.
 *
 * @param address host or host:port as Serf reports it (the host part groups members in {@link LayoutMode#BY_HOST})
 * @param roles   in the member's own order; the first one decides its group in {@link LayoutMode#BY_ROLE}
 */
public record GraphMember(String name, String address, List<String> roles, MemberStatus status,
                          List<GraphChild> children) {

    public GraphMember {
        Objects.requireNonNull(name, "member name");
        address = address == null ? "" : address;
        roles = roles == null ? List.of() : List.copyOf(roles);
        status = status == null ? MemberStatus.NONE : status;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The address without its port: {@code 10.0.0.7:7946 -> 10.0.0.7}, {@code [::1]:7946 -> ::1}. */
    public String host() {
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 0 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        // more than one colon and no brackets: a bare IPv6 address, which has no port
        if (colon < 0 || address.indexOf(':', colon + 1) >= 0) {
            return address;
        }
        return address.substring(0, colon);
    }

    public GraphMember withStatus(MemberStatus newStatus) {
        return new GraphMember(name, address, roles, newStatus, children);
    }

    public GraphMember withChildren(List<GraphChild> newChildren) {
        return new GraphMember(name, address, roles, status, newChildren);
    }

    public GraphMember withRoles(List<String> newRoles) {
        return new GraphMember(name, address, newRoles, status, children);
    }
}
