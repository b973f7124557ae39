package io.serfnode.bench.console;

import io.serfnode.console.graph.GraphChild;
import io.serfnode.console.graph.GraphMember;
import io.serfnode.console.graph.GraphModel;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up cluster shaped like a real one: eight roles of uneven size, one member in ten with two roles, a few
 * members failed, left or leaving, and mostly RUNNING children with some in BACKOFF, FATAL or STOPPED.
 * Seeded, so every run draws the same cluster.
 */
final class SyntheticCluster {
    static final List<String> ROLES = List.of("web", "db", "cache", "queue", "worker", "proxy", "search", "auth");
    private static final SupervisorState[] CYCLE = {SupervisorState.RUNNING, SupervisorState.EXITED,
            SupervisorState.STARTING, SupervisorState.BACKOFF, SupervisorState.FATAL, SupervisorState.STOPPED};

    private SyntheticCluster() {
    }

    static GraphModel build(int members, int childrenPerMember, long seed) {
        Random random = new Random(seed);
        List<GraphMember> all = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            // uneven role sizes: role k is chosen about twice as often as role k+2
            int role = Math.min(ROLES.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2.5));
            List<String> roles = random.nextInt(10) == 0
                    ? List.of(ROLES.get(role), ROLES.get((role + 1 + random.nextInt(ROLES.size() - 1)) % ROLES.size()))
                    : List.of(ROLES.get(role));
            List<GraphChild> children = new ArrayList<>(childrenPerMember);
            for (int c = 0; c < childrenPerMember; c++) {
                int roll = random.nextInt(100);
                SupervisorState state = roll < 90 ? SupervisorState.RUNNING
                        : roll < 94 ? SupervisorState.STOPPED
                        : roll < 97 ? SupervisorState.BACKOFF : SupervisorState.FATAL;
                children.add(new GraphChild("child-" + c, state));
            }
            int roll = random.nextInt(100);
            MemberStatus status = roll < 94 ? MemberStatus.ALIVE
                    : roll < 96 ? MemberStatus.FAILED : roll < 98 ? MemberStatus.LEFT : MemberStatus.LEAVING;
            String address = "10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF) + ":7946";
            all.add(new GraphMember(String.format("node-%05d", i), address, roles, status, children));
        }
        return GraphModel.of(all);
    }

    /** The model with one child moved to its next state, as a supervisor event would. */
    static GraphModel withOneChange(GraphModel model, Random random, Instant now) {
        GraphMember member = model.members().get(random.nextInt(model.size()));
        if (member.children().isEmpty()) {
            return model.withMember(member.withStatus(member.status() == MemberStatus.ALIVE
                    ? MemberStatus.FAILED : MemberStatus.ALIVE));
        }
        List<GraphChild> children = new ArrayList<>(member.children());
        int c = random.nextInt(children.size());
        GraphChild child = children.get(c);
        children.set(c, child.withState(next(child.state()), now));
        return model.withMember(member.withChildren(children));
    }

    static SupervisorState next(SupervisorState state) {
        for (int i = 0; i < CYCLE.length; i++) {
            if (CYCLE[i] == state) {
                return CYCLE[(i + 1) % CYCLE.length];
            }
        }
        return SupervisorState.RUNNING;
    }
}
