package io.serfnode.agent.devif;

import io.serfnode.model.Member;
import io.serfnode.model.SupervisedChild;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the developer interface files are made from, taken at one moment, so that all files
 * written from it agree with each other.
 *
 * @param self     this member's serf node name
 * @param members  every member serf knows, in any status (this member included once serf reports it)
 * @param children this member's children with their current statuses
 */
public record DeveloperView(String self, List<Member> members, List<SupervisedChild> children) {

    public DeveloperView {
        if (self == null || self.isBlank()) {
            throw new IllegalArgumentException("DeveloperView.self: this member's name is required");
        }
        members = List.copyOf(Objects.requireNonNull(members, "DeveloperView.members"));
        children = List.copyOf(Objects.requireNonNull(children, "DeveloperView.children"));
        requireUnique(members.stream().map(Member::name).toList(), "members", "member name");
        requireUnique(children.stream().map(child -> child.child().name()).toList(), "children", "child name");
    }

    /** A view of this member alone, before serf has reported anyone. */
    public static DeveloperView empty(String self) {
        return new DeveloperView(self, List.of(), List.of());
    }

    public DeveloperView withMembers(List<Member> newMembers) {
        return new DeveloperView(self, newMembers, children);
    }

    public DeveloperView withChildren(List<SupervisedChild> newChildren) {
        return new DeveloperView(self, members, newChildren);
    }

    /** This member as serf reports it, once it does. */
    public Optional<Member> selfMember() {
        return members.stream().filter(member -> member.name().equals(self)).findFirst();
    }

    private static void requireUnique(List<String> names, String field, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("DeveloperView." + field + ": " + what + " '" + name
                        + "' appears more than once");
            }
        }
    }
}
