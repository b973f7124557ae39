package io.serfnode.agent.api.command;

import io.serfnode.model.Member;
import java.util.List;
import java.util.Optional;

/** Where a command aimed at a member must go: this member, another that can act, or nowhere (and why). */
sealed interface MemberTarget {

    /** The command names this member. */
    record Local() implements MemberTarget {
    }

    /** The command names another member that is in the cluster. */
    record Remote(Member member) implements MemberTarget {
    }

    /** No member can act on the command; {@code reason} says why. */
    record Unreachable(String reason) implements MemberTarget {
    }

    /**
     * Resolves {@code name} among the {@code members} this member knows.
     *
     * @param kind the command's kind, for the reason
     */
    static MemberTarget resolve(String name, String localName, List<Member> members, String kind) {
        if (name.equals(localName)) {
            return new Local();
        }
        Optional<Member> known = find(name, members);
        if (known.isEmpty()) {
            return new Unreachable(unknown(name));
        }
        Member member = known.get();
        return switch (member.status()) {
            case ALIVE -> new Remote(member);
            case FAILED -> new Unreachable("member '" + name + "' has failed (serf cannot reach it), so it cannot "
                    + "carry out " + kind);
            case LEFT -> new Unreachable("member '" + name + "' has left the cluster, so it cannot carry out " + kind);
            case LEAVING -> new Unreachable("member '" + name + "' is leaving the cluster, so it cannot carry out "
                    + kind);
            case NONE -> new Unreachable("member '" + name + "' is in no known serf state, so it cannot carry out "
                    + kind);
        };
    }

    static Optional<Member> find(String name, List<Member> members) {
        return members.stream().filter(member -> member.name().equals(name)).findFirst();
    }

    /** The words of the protocol's own example. */
    static String unknown(String name) {
        return "no member named '" + name + "'";
    }
}
