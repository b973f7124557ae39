package io.serfnode.agent.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's children as this member knows them.
 *
 * @param counter  the member's transition counter up to which everything is known
 * @param children in the member's own order when they came from its answer; gossip adds unknown ones last
 * @param complete whether the list came from the member's answer to {@code serfnode.children} (otherwise
 *                 only the children named by gossip are known)
 */
public record MemberChildren(String member, long counter, List<KnownChild> children, boolean complete) {
    public MemberChildren {
        Objects.requireNonNull(member, "member");
        children = List.copyOf(children);
        if (counter < 0) {
            throw new IllegalArgumentException("member " + member + ": counter must not be negative, was " + counter);
        }
    }

    public Optional<KnownChild> child(String name) {
        return children.stream().filter(child -> child.name().equals(name)).findFirst();
    }
}
