package io.serfnode.agent.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The children of every member at one moment, immutable.
 *
 * @param members            per member name, sorted by name
 * @param duplicatesDropped  how many transitions were dropped so far because they were already known
 */
public record ClusterChildrenSnapshot(Map<String, MemberChildren> members, long duplicatesDropped) {
    public static final ClusterChildrenSnapshot EMPTY = new ClusterChildrenSnapshot(Map.of(), 0);

    public ClusterChildrenSnapshot {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<MemberChildren> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    public Optional<KnownChild> child(String member, String child) {
        return member(member).flatMap(children -> children.child(child));
    }
}
