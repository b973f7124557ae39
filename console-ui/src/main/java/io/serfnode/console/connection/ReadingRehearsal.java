package io.serfnode.console.connection;

import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.EventMessage;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WireCodec;
import io.serfnode.model.wire.WireFormatException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads made-up messages of the kinds a session reads most — a small snapshot and a few thousand child
 * transitions and tag changes — while the console builds its window. The first real snapshot (a megabyte for a
 * thousand members) and the first seconds of a busy stream then run through compiled code instead of the
 * interpreter: the window takes a second or two to build on the FX thread, and this runs beside it. Nothing it
 * reads goes anywhere.
 */
final class ReadingRehearsal {
    static final int MEMBERS = 40;
    static final int CHILDREN = 4;
    static final int SNAPSHOT_READS = 25;
    static final int EVENT_READS = 2000;

    private ReadingRehearsal() {
    }

    /** Reads the made-up messages; returns how many it read. */
    static int run(WireCodec codec, ServerMessageReader reader) throws WireFormatException {
        Instant now = Instant.now();
        String snapshot = codec.encode(snapshot(now));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            events.add(codec.encode(event(i, now)));
        }
        int read = 0;
        for (int i = 0; i < SNAPSHOT_READS; i++) {
            reader.read(snapshot);
            read++;
        }
        for (int i = 0; i < EVENT_READS; i++) {
            reader.read(events.get(i % events.size()));
            read++;
        }
        return read;
    }

    private static SnapshotMessage snapshot(Instant now) {
        List<Member> members = new ArrayList<>();
        Map<String, List<SupervisedChild>> children = new LinkedHashMap<>();
        for (int m = 0; m < MEMBERS; m++) {
            Member member = member(m);
            members.add(member);
            List<SupervisedChild> own = new ArrayList<>();
            for (int c = 0; c < CHILDREN; c++) {
                Child child = c % 2 == 0 ? Child.process("worker-" + c, "/usr/bin/worker --id " + c)
                        : Child.docker("app-" + c, "registry.example/app:" + c);
                own.add(new SupervisedChild(child, new ChildStatus(SupervisorState.RUNNING, now, 1000L + c,
                        c % 2 == 0 ? null : "c0ffee" + c, c == 3 ? 1 : null, 1, c, c + 1)));
            }
            children.put(member.name(), own);
        }
        return new SnapshotMessage(1, members, children, List.of());
    }

    private static EventMessage event(int i, Instant now) {
        long seq = 2 + i;
        if (i % 16 == 15) {
            return EventMessage.of(new SequencedEvent(seq, new MemberUpdated(now, member(i % MEMBERS))));
        }
        SupervisorState[] loop = {SupervisorState.RUNNING, SupervisorState.EXITED, SupervisorState.BACKOFF,
                SupervisorState.STARTING};
        SupervisorState from = loop[i % loop.length];
        SupervisorState to = loop[(i + 1) % loop.length];
        return EventMessage.of(new SequencedEvent(seq, new SupervisorStateChanged(now.plusMillis(i),
                "member-" + (i % MEMBERS), "worker-" + (i % CHILDREN), from, to,
                to == SupervisorState.EXITED ? Integer.valueOf(1) : null, 1, 10L + i)));
    }

    private static Member member(int m) {
        return new Member("member-" + m, "10.0.0." + m, 7946, Map.of("role", m % 3 == 0 ? "db" : "web", "sn", "1"),
                MemberStatus.ALIVE);
    }
}
