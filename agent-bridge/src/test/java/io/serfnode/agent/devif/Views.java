package io.serfnode.agent.devif;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Members and children for the developer interface tests. */
final class Views {
    static final String SELF = "alpha";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Views() {
    }

    /** A Serfnode member with roles and a start time (epoch seconds, as the original wrote it). */
    static Member serfnode(String name, String address, String roles, String startedSeconds) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("role", roles);
        tags.put("timestamp", startedSeconds);
        tags.put("ws", address + ":8080");
        return new Member(name, address, 7946, tags, MemberStatus.ALIVE);
    }

    /** A serf agent that is not a Serfnode: no tags at all. */
    static Member plain(String name, String address) {
        return Member.plain(name, address, 7946, MemberStatus.ALIVE);
    }

    static SupervisedChild runningChild(String name, long pid) {
        ChildStatus status = ChildStatus.neverStarted(T0)
                .withState(SupervisorState.RUNNING, T0.plusSeconds(2), 3)
                .withPid(pid)
                .withAttempt(1);
        return new SupervisedChild(Child.process(name, "/usr/bin/" + name + " --serve"), status);
    }
}
