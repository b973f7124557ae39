package io.serfnode.console.testing;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SerfTags;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.Peer;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import io.serfnode.console.session.SessionUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made clusters for console tests. */
public final class Clusters {
    public static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

    private Clusters() {
    }

    public static Member member(String name, String address, String roles) {
        return new Member(name, address, 7946, Map.of(SerfTags.ROLE, roles, SerfTags.WS, address + ":7070"),
                MemberStatus.ALIVE);
    }

    public static SupervisedChild running(String name, String exec, long counter) {
        return new SupervisedChild(Child.process(name, exec),
                new ChildStatus(SupervisorState.RUNNING, T0, 100L, null, null, 1, 0, counter));
    }

    /** web-1 (web) with app and sidecar, db-1 (db backup) with postgres, plain-1 without tags. */
    public static SessionUpdate.SnapshotReceived threeMembers(long seq) {
        Member web = member("web-1", "127.0.0.2", "web");
        Member db = member("db-1", "127.0.0.3", "db backup");
        Member plain = Member.plain("plain-1", "127.0.0.4", 7946, MemberStatus.ALIVE);
        Map<String, List<SupervisedChild>> children = new LinkedHashMap<>();
        children.put("web-1", List.of(running("app", "/bin/sleep 1000", 3), running("sidecar", "/bin/sleep 999", 4)));
        children.put("db-1", List.of(running("postgres", "/usr/bin/postgres", 7)));
        return new SessionUpdate.SnapshotReceived(
                new WelcomeMessage("web-1", "stream-a", List.of(new Peer("web-1", "127.0.0.2:7070"))),
                new SnapshotMessage(seq, List.of(web, db, plain), children, List.of()));
    }

    public static SessionUpdate.EventReceived event(long seq, ClusterEvent event) {
        return new SessionUpdate.EventReceived(new SequencedEvent(seq, event));
    }

    public static SupervisorStateChanged transition(String member, String child, SupervisorState from,
                                                    SupervisorState to, Integer exit, long counter) {
        return new SupervisorStateChanged(T0.plusSeconds(counter), member, child, from, to, exit, 1, counter);
    }
}
