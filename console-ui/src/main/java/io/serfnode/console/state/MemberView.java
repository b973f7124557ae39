package io.serfnode.console.state;

import io.serfnode.model.Member;
import java.time.Instant;
import java.util.List;

/**
 * A member as the console shows it.
 *
 * @param member      the member as serf last reported it
 * @param statusSince when the console saw it enter its status; null when the status predates the session
 * @param children    its children, in the order the member reported them
 */
public record MemberView(Member member, Instant statusSince, List<ChildView> children) {

    public String name() {
        return member.name();
    }
}
