package io.serfnode.agent.spawn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names new members {@code <role>-<n>} with the smallest numbers no member of the cluster has, and no earlier
 * spawn of this spawner handed out (a member just spawned may not have joined yet). Names of members that left
 * are not reused while serf still lists them.
 */
final class MemberNames {
    /** The prefix of members without a role. */
    static final String NO_ROLE = "member";

    private final Set<String> handedOut = new HashSet<>();

    synchronized List<String> pick(String role, int count, Collection<String> known) {
        String prefix = (role == null || role.isBlank() ? NO_ROLE : role) + "-";
        Set<String> taken = new HashSet<>(known);
        taken.addAll(handedOut);
        List<String> names = new ArrayList<>(count);
        for (int n = 1; names.size() < count; n++) {
            String name = prefix + n;
            if (!taken.contains(name)) {
                names.add(name);
            }
        }
        handedOut.addAll(names);
        return names;
    }
}
