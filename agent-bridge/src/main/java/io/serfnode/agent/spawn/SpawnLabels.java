package io.serfnode.agent.spawn;

import java.util.Map;

/**
 * The labels of member containers: which member spawned them, so that its spawner finds its own containers again
 * (to stop them, or to adopt those a previous run of it left), and no other.
 */
public final class SpawnLabels {
    /** The name of the member that spawned the container. */
    public static final String SPAWNED_BY = "io.serfnode.spawned-by";
    /** The name of the member the container runs. */
    public static final String MEMBER = "io.serfnode.spawned-member";

    private SpawnLabels() {
    }

    public static Map<String, String> of(String spawner, String member) {
        return Map.of(SPAWNED_BY, spawner, MEMBER, member);
    }
}
