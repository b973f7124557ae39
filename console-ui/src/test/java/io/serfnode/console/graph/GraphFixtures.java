package io.serfnode.console.graph;

import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.util.ArrayList;
import java.util.List;

/** Small models for the graph's tests. */
final class GraphFixtures {
    private GraphFixtures() {
    }

    static GraphMember member(String name, String address, String... roles) {
        return new GraphMember(name, address, List.of(roles), MemberStatus.ALIVE,
                List.of(new GraphChild("web", SupervisorState.RUNNING), new GraphChild("log", SupervisorState.RUNNING)));
    }

    /** Three databases and three web servers, on six hosts. */
    static GraphModel sixMembers() {
        return GraphModel.of(List.of(
                member("db-1", "127.0.0.11:7946", "db"),
                member("db-2", "127.0.0.12:7946", "db"),
                member("db-3", "127.0.0.13:7946", "db"),
                member("web-1", "127.0.0.21:7946", "web"),
                member("web-2", "127.0.0.22:7946", "web"),
                member("web-3", "127.0.0.23:7946", "web")));
    }

    static GraphModel many(int count, int rolesCount) {
        List<GraphMember> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(member("m-" + i, "10.0." + (i / 250) + "." + (i % 250) + ":7946", "role-" + (i % rolesCount)));
        }
        return GraphModel.of(members);
    }
}
