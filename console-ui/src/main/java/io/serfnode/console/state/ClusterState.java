package io.serfnode.console.state;

import io.serfnode.console.session.SessionUpdate;
import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MembershipEvent;
import io.serfnode.model.event.SequencedEvent;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.wire.SnapshotMessage;
import io.serfnode.model.wire.WelcomeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster as the console knows it, reduced from the session's stream: a snapshot replaces everything,
 * each event changes the member or child it names and adds one row to the event log.
 *
 * <p>Not thread-safe: one thread (the UI thread, in batches per pulse) owns it. Readers ask which
 * members changed since they last looked ({@link #drainTouchedMembers()}) so they refresh only those.
 */
public final class ClusterState {
    private final Limits limits;
    private final Map<String, MemberEntry> members = new LinkedHashMap<>();
    private final EventLog log;
    private final EventDescriber describer = new EventDescriber(new EventDescriber.KnownNames() {
        @Override
        public String rolesOf(String member) {
            MemberEntry entry = members.get(member);
            return entry == null ? "" : entry.roleText();
        }

        @Override
        public String member(String member) {
            MemberEntry entry = members.get(member);
            return entry == null ? member : entry.member.name();
        }

        @Override
        public String child(String member, String child) {
            MemberEntry entry = members.get(member);
            ChildEntry known = entry == null ? null : entry.children.get(child);
            return known == null ? child : known.name;
        }
    });
    private final Set<String> touched = new LinkedHashSet<>();
    private String agent;
    private long seq;
    private long snapshots;
    private long eventsApplied;
    private boolean membershipChanged;
    private boolean rosterChanged;

    /**
     * How much history the console keeps.
     *
     * @param eventRows     rows in the event log ring
     * @param timelineMarks states kept per child timeline
     */
    public record Limits(int eventRows, int timelineMarks) {
        /** Enough for minutes of a busy cluster, small enough to stay cheap. */
        public static final Limits DEFAULT = new Limits(50_000, 100);

        public Limits {
            if (eventRows < 1 || timelineMarks < 1) {
                throw new IllegalArgumentException("limits must be positive, found eventRows=" + eventRows
                        + ", timelineMarks=" + timelineMarks);
            }
        }

        public Limits withEventRows(int rows) {
            return new Limits(rows, timelineMarks);
        }

        public Limits withTimelineMarks(int marks) {
            return new Limits(eventRows, marks);
        }
    }

    public ClusterState() {
        this(Limits.DEFAULT);
    }

    public ClusterState(Limits limits) {
        this.limits = limits;
        this.log = new EventLog(limits.eventRows());
    }

    /** Applies one item of the session's stream; status changes carry no cluster state and are ignored. */
    public void apply(SessionUpdate update) {
        switch (update) {
            case SessionUpdate.SnapshotReceived snapshot -> applySnapshot(snapshot.welcome(), snapshot.snapshot());
            case SessionUpdate.EventReceived event -> applyEvent(event.event());
            case SessionUpdate.StatusChanged ignored -> {
            }
        }
    }

    /** Replaces every member and child; keeps log rows already shown, adding only the snapshot's new ones. */
    public void applySnapshot(WelcomeMessage welcome, SnapshotMessage snapshot) {
        agent = welcome.agent();
        seq = snapshot.seq();
        snapshots++;
        touched.addAll(members.keySet());
        members.clear();
        for (Member member : snapshot.members()) {
            members.put(member.name(), new MemberEntry(member, null));
            touched.add(member.name());
        }
        snapshot.children().forEach((memberName, list) -> {
            MemberEntry entry = members.get(memberName);
            if (entry != null) {
                for (SupervisedChild child : list) {
                    entry.children.put(child.child().name(), ChildEntry.from(child, limits.timelineMarks()));
                }
            }
        });
        membershipChanged = true;
        rosterChanged = true;
        appendUnseen(snapshot.recentEvents());
    }

    /** Applies one live event. */
    public void applyEvent(SequencedEvent sequenced) {
        seq = Math.max(seq, sequenced.seq());
        eventsApplied++;
        ClusterEvent event = sequenced.event();
        if (event instanceof MembershipEvent membership) {
            applyMembership(membership);
        } else if (event instanceof SupervisorStateChanged change) {
            applySupervisor(change);
        }
        log.append(describer.describe(sequenced));
    }

    private void applyMembership(MembershipEvent event) {
        Member member = event.member();
        membershipChanged = true;
        touched.add(member.name());
        if (event instanceof MemberReaped) {
            if (members.remove(member.name()) != null) {
                rosterChanged = true;
            }
            return;
        }
        MemberEntry entry = members.get(member.name());
        if (entry == null) {
            members.put(member.name(), new MemberEntry(member, event.time()));
            rosterChanged = true;
        } else {
            if (entry.member.status() != member.status()) {
                entry.statusSince = event.time();
            }
            if (placedDifferently(entry.member, member)) {
                rosterChanged = true;
            }
            entry.member = member;
            entry.cached = null;
            entry.roleText = null;
        }
    }

    /** Roles, address and port decide where a member sits and which filter choices exist; other tags do not. */
    private static boolean placedDifferently(Member before, Member after) {
        return before.port() != after.port() || !before.address().equals(after.address())
                || !before.roles().equals(after.roles());
    }

    private void applySupervisor(SupervisorStateChanged change) {
        MemberEntry entry = members.get(change.member());
        if (entry == null) {
            // gossip can outrun membership: the member's join follows shortly
            return;
        }
        touched.add(change.member());
        ChildEntry child = entry.children.computeIfAbsent(change.child(), name -> new ChildEntry(name, null,
                ChildStatus.neverStarted(change.time()).withState(SupervisorState.UNKNOWN, change.time(), 0), false,
                limits.timelineMarks()));
        child.apply(change);
        entry.cached = null;
    }

    private void appendUnseen(List<SequencedEvent> recent) {
        if (log.size() == 0) {
            // the first snapshot: nothing shown yet to compare with
            for (SequencedEvent event : recent) {
                log.append(describer.describe(event));
            }
            return;
        }
        Set<Object> shown = new HashSet<>();
        for (EventRow row : log.since(log.appended() - Math.min(log.size(), 2 * Math.max(recent.size(), 1)))) {
            shown.add(row.identity());
        }
        for (SequencedEvent event : recent) {
            EventRow row = describer.describe(event);
            if (!shown.contains(row.identity())) {
                log.append(row);
            }
        }
    }

    /** The agent the stream comes from, once a snapshot arrived. */
    public Optional<String> agent() {
        return Optional.ofNullable(agent);
    }

    /** The last seq applied. */
    public long seq() {
        return seq;
    }

    /** How many snapshots were applied: 0 until the first arrives. */
    public long snapshots() {
        return snapshots;
    }

    /** How many live events were applied since the state was made. */
    public long eventsApplied() {
        return eventsApplied;
    }

    public EventLog eventLog() {
        return log;
    }

    public int memberCount() {
        return members.size();
    }

    public Collection<String> memberNames() {
        return List.copyOf(members.keySet());
    }

    public Optional<MemberView> member(String name) {
        MemberEntry entry = members.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.view());
    }

    /** Every member, in the order they became known. */
    public List<MemberView> members() {
        List<MemberView> views = new ArrayList<>(members.size());
        for (MemberEntry entry : members.values()) {
            views.add(entry.view());
        }
        return views;
    }

    /** Whether members changed (or vanished) since {@link #drainTouchedMembers} was last called. */
    public boolean hasTouchedMembers() {
        return !touched.isEmpty();
    }

    /** Names of the members that changed (or vanished) since the last call. */
    public Set<String> drainTouchedMembers() {
        Set<String> drained = Set.copyOf(touched);
        touched.clear();
        return drained;
    }

    /** Whether members joined, left, changed status or tags (or a snapshot arrived) since the last call. */
    public boolean drainMembershipChanged() {
        boolean changed = membershipChanged;
        membershipChanged = false;
        return changed;
    }

    /**
     * Whether the roster changed since the last call: members joined or were reaped, a member's roles, address
     * or port changed, or a snapshot arrived. A status or tag change alone is not one: the member keeps its row
     * and its place in the graph.
     */
    public boolean drainRosterChanged() {
        boolean changed = rosterChanged;
        rosterChanged = false;
        return changed;
    }

    private static final class MemberEntry {
        private Member member;
        private Instant statusSince;
        private final Map<String, ChildEntry> children = new LinkedHashMap<>();
        /** The view until the member or a child changes: untouched members cost nothing per refresh. */
        private MemberView cached;
        /** The roles as the event log shows them; every event row asks, so the tag is parsed once per change. */
        private String roleText;

        MemberEntry(Member member, Instant statusSince) {
            this.member = member;
            this.statusSince = statusSince;
        }

        String roleText() {
            if (roleText == null) {
                roleText = String.join(" ", member.roles());
            }
            return roleText;
        }

        MemberView view() {
            if (cached != null) {
                return cached;
            }
            List<ChildView> childViews = new ArrayList<>(children.size());
            children.forEach((name, child) -> childViews.add(child.view(member.name(), name)));
            cached = new MemberView(member, statusSince, List.copyOf(childViews));
            return cached;
        }
    }

    private static final class ChildEntry {
        private final String name;
        private final Child definition;
        private final Timeline timeline;
        private ChildStatus status;
        private boolean startedBefore;
        /** The view until this child changes: a member's view is rebuilt when any of its children changes. */
        private ChildView cached;

        ChildEntry(String name, Child definition, ChildStatus status, boolean startedBefore, int timelineLimit) {
            this.name = name;
            this.definition = definition;
            this.status = status;
            this.startedBefore = startedBefore;
            this.timeline = new Timeline(timelineLimit);
            mark(new StateMark(status.since(), status.state(), status.exitCode()));
        }

        static ChildEntry from(SupervisedChild child, int timelineLimit) {
            ChildStatus status = child.status();
            boolean started = status.attempt() > 0 || status.restarts() > 0 || status.exitCode() != null
                    || status.state() != SupervisorState.STOPPED;
            return new ChildEntry(child.child().name(), child.child(), status, started, timelineLimit);
        }

        void apply(SupervisorStateChanged change) {
            if (change.counter() <= status.counter()) {
                return; // already reflected: the snapshot or an earlier relay carried it
            }
            int restarts = status.restarts();
            if (change.to() == SupervisorState.STARTING) {
                if (startedBefore) {
                    restarts++;
                }
                startedBefore = true;
            }
            status = status.withState(change.to(), change.time(), change.counter())
                    .withAttempt(change.attempt())
                    .withRestarts(restarts);
            if (change.exitCode() != null) {
                status = status.withExitCode(change.exitCode());
            }
            mark(new StateMark(change.time(), change.to(), change.exitCode()));
        }

        private void mark(StateMark mark) {
            cached = null;
            timeline.add(mark);
        }

        ChildView view(String member, String name) {
            if (cached == null) {
                cached = new ChildView(member, name, definition, status, timeline.view());
            }
            return cached;
        }
    }
}
