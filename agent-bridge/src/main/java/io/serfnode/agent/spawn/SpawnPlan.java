package io.serfnode.agent.spawn;

import java.util.List;
import java.util.Objects;

/**
 * What to spawn: members with these names, each with the same roles and configuration.
 *
 * @param names         the new members' node names, unique in the cluster
 * @param roles         their roles (override the configuration's)
 * @param configuration the {@code serfnode.yml} they run with (their children come from it)
 * @param source        where the configuration came from, for messages ({@code template 'web'}, {@code like
 *                      member 'db-1'})
 */
public record SpawnPlan(List<String> names, List<String> roles, MemberConfiguration configuration, String source) {
    public SpawnPlan {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(source, "source");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a spawn plan needs at least one name");
        }
    }
}
