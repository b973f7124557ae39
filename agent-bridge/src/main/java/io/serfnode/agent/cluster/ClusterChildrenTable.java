package io.serfnode.agent.cluster;

import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.SupervisorStateChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state behind {@link ClusterChildren}, for exactly one thread: no locks, and the clock is passed in
 * so tests decide when the reorder window ends.
 *
 * <p>Per member it keeps the highest counter applied ({@code last}). A transition with a counter up to
 * {@code last}, or one already waiting, is a duplicate and dropped. The next counter is applied at once,
 * followed by any waiting ones it unblocks. A later counter waits in a small window (see
 * {@link ClusterChildrenConfig}). When the window ends, the missing counters are reported as missing
 * ({@link ClusterChildrenListener#onMissing}) and the waiting transitions keep waiting while the missing ones
 * are fetched from their member, which hands them in like gossip; they then go out in counter order as if
 * they had never been late. When that fails or takes too long, when the window overflows, or for a member
 * without a known starting point, the waiting transitions are applied in counter order and the missing
 * counters are reported as a {@link TransitionGap}. A transition that arrives after its gap was declared is
 * dropped as a duplicate: the member's answer to {@code serfnode.children} repairs what it would have changed.
 *
 * <p>A forgotten member keeps only its counter, so a late gossip copy of its old transitions is still
 * recognised as a duplicate; its counter survives restarts, so its transitions after a rejoin are new.
 */
final class ClusterChildrenTable {
    private final ClusterChildrenConfig config;
    private final ClusterChildrenListener listener;
    private final ComponentLog log;
    private final Map<String, MemberState> members = new TreeMap<>();
    private long duplicates;

    ClusterChildrenTable(ClusterChildrenConfig config, ClusterChildrenListener listener, ComponentLog log) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Applies, holds or drops one transition that arrived at {@code now}. */
    void apply(ChildTransition transition, Instant now) {
        MemberState member = members.computeIfAbsent(transition.member(), MemberState::new);
        long counter = transition.counter();
        if (counter <= member.last || member.held.containsKey(counter)) {
            duplicates++;
            log.debug("dropped transition %d of %s: already known (last applied %d)", counter, member.name,
                    member.last);
            return;
        }
        member.present = true;
        if (counter == member.last + 1) {
            accept(member, transition);
            drain(member);
            return;
        }
        member.held.put(counter, transition);
        if (member.waitingSince == null && member.repairUntil == null) {
            member.waitingSince = now;
        }
        if (config.reorderWindow().isZero()) {
            flushAll(member);
        } else if (member.held.size() > config.maxHeldPerMember()) {
            flushFirstGap(member);
        }
    }

    /**
     * For every member whose reorder window ended by {@code now}: reports the missing transitions to be
     * fetched, or declares the gaps; declares the gaps of a member whose fetching took too long.
     */
    void expire(Instant now) {
        for (MemberState member : members.values()) {
            Instant deadline = member.deadline(config.reorderWindow());
            if (deadline == null || deadline.isAfter(now)) {
                continue;
            }
            if (member.repairUntil != null) {
                log.warn("the missing transitions of %s did not come within %d ms", member.name,
                        config.repairTimeout().toMillis());
                member.repairUntil = null;
                flushAll(member);
            } else if (repairable(member)) {
                startRepair(member, now);
            } else if (!config.repairTimeout().isZero() && !hasStartingPoint(member)) {
                // the first transition seen becomes the starting point; gaps after it are worth fetching
                flushFirstGap(member);
                if (repairable(member)) {
                    startRepair(member, now);
                } else {
                    flushAll(member);
                }
            } else {
                flushAll(member);
            }
        }
    }

    /**
     * Ends the fetching of the missing transitions of {@code name} up to {@code upTo}: what is still missing
     * there is declared a gap; transitions waiting beyond it start a new reorder window.
     */
    void endRepair(String name, long upTo, Instant now) {
        MemberState member = members.get(name);
        if (member == null || member.repairUntil == null || member.repairUpTo != upTo) {
            return; // that fetching was given up already
        }
        member.repairUntil = null;
        while (!member.held.isEmpty() && member.held.firstKey() <= upTo + 1) {
            flushFirstGap(member);
        }
        member.waitingSince = member.held.isEmpty() ? null : now;
    }

    /** When the next reorder window or fetching time ends, if any transition waits. */
    Optional<Instant> nextDeadline() {
        return members.values().stream()
                .map(member -> member.deadline(config.reorderWindow()))
                .filter(Objects::nonNull)
                .min(Instant::compareTo);
    }

    /**
     * Whether the missing transitions of {@code member} are worth fetching: only from a known starting point
     * (after the member's first transition or its answer to {@code serfnode.children}), and not too many.
     */
    private boolean repairable(MemberState member) {
        if (config.repairTimeout().isZero() || member.held.isEmpty() || !hasStartingPoint(member)) {
            return false;
        }
        long missing = member.held.lastKey() - member.last - member.held.size();
        return missing <= config.maxRepair();
    }

    /**
     * Whether this member saw a transition of {@code member}, or its answer to {@code serfnode.children}: the
     * transitions before a member's first one seen here are not missing, they are its history.
     */
    private static boolean hasStartingPoint(MemberState member) {
        return member.last > 0 || member.complete;
    }

    private void startRepair(MemberState member, Instant now) {
        TransitionGap missing = new TransitionGap(member.name, member.last + 1, member.held.lastKey());
        member.waitingSince = null;
        member.repairUntil = now.plus(config.repairTimeout());
        member.repairUpTo = missing.received() - 1;
        log.info("transitions %d to %d of %s have not arrived; fetching them from %s", missing.firstMissing(),
                missing.received() - 1, member.name, member.name);
        listener.onMissing(missing);
    }

    /**
     * Replaces a member's children by its own answer. Each child keeps whichever status has the higher
     * counter, so an answer older than gossip already applied never moves a child back; children the answer
     * does not list are dropped unless gossip showed them after the answer's counter.
     *
     * <p>For a member without a starting point the answer is one: transitions up to its counter are history and
     * dropped. For a member with one, the answer repairs the table only: transitions after the last one applied
     * still go out in counter order when their gossip or a fetch brings them, or are declared a gap. An answer
     * usually overtakes the gossip of the member's latest transitions; taking it as a starting point then would
     * drop them silently.
     */
    void replace(MemberChildren answer) {
        MemberState member = members.computeIfAbsent(answer.member(), MemberState::new);
        boolean startingPointBefore = hasStartingPoint(member);
        Map<String, KnownChild> replaced = new LinkedHashMap<>();
        for (KnownChild answered : answer.children()) {
            KnownChild known = member.children.get(answered.name());
            if (known != null && known.status().counter() > answered.status().counter()) {
                replaced.put(answered.name(), answered.withStatus(known.status()));
            } else {
                replaced.put(answered.name(), answered);
            }
        }
        for (KnownChild known : member.children.values()) {
            if (!replaced.containsKey(known.name()) && known.status().counter() > answer.counter()) {
                replaced.put(known.name(), known);
            }
        }
        member.children = replaced;
        member.complete = true;
        member.present = true;
        if (!startingPointBefore) {
            member.last = Math.max(member.last, answer.counter());
            member.held.headMap(member.last, true).clear();
        }
        listener.onReplaced(member.view());
        drain(member);
    }

    /** Forgets a member's children; its counter stays to recognise late copies of its transitions. */
    void forget(String name) {
        MemberState member = members.get(name);
        if (member == null || !member.present) {
            return;
        }
        member.present = false;
        member.complete = false;
        member.children = new LinkedHashMap<>();
        member.held.clear();
        member.waitingSince = null;
        member.repairUntil = null;
        listener.onForgotten(name);
    }

    ClusterChildrenSnapshot snapshot() {
        Map<String, MemberChildren> view = new LinkedHashMap<>();
        for (MemberState member : members.values()) {
            if (member.present) {
                view.put(member.name, member.view());
            }
        }
        return new ClusterChildrenSnapshot(view, duplicates);
    }

    private void drain(MemberState member) {
        while (!member.held.isEmpty() && member.held.firstKey() == member.last + 1) {
            accept(member, member.held.pollFirstEntry().getValue());
        }
        if (member.held.isEmpty()) {
            member.waitingSince = null;
            member.repairUntil = null;
        }
    }

    private void flushAll(MemberState member) {
        while (!member.held.isEmpty()) {
            flushFirstGap(member);
        }
    }

    private void flushFirstGap(MemberState member) {
        long first = member.held.firstKey();
        TransitionGap gap = new TransitionGap(member.name, member.last + 1, first);
        log.info("missed %d transition(s) of %s (counters %d to %d)", gap.missing(), member.name,
                gap.firstMissing(), first - 1);
        accept(member, member.held.pollFirstEntry().getValue());
        drain(member);
        listener.onGap(gap);
    }

    private void accept(MemberState member, ChildTransition transition) {
        SupervisorStateChanged event = transition.event();
        member.last = event.counter();
        KnownChild known = member.children.get(event.child());
        if (known == null || known.status().counter() < event.counter()) {
            member.children.put(event.child(), updated(known, transition));
        }
        listener.onTransition(event);
    }

    private static KnownChild updated(KnownChild known, ChildTransition transition) {
        SupervisorStateChanged event = transition.event();
        ChildStatus before = known == null ? null : known.status();
        int restarts = before == null ? 0 : before.restarts();
        // a start after the child had stopped or exited is a restart; the very first start is not
        if (event.to() == SupervisorState.STARTING && before != null && before.counter() > 0
                && event.from() != SupervisorState.BACKOFF) {
            restarts++;
        }
        Integer exitCode = event.exitCode() != null ? event.exitCode() : before == null ? null : before.exitCode();
        String containerId = before == null ? null : before.containerId();
        ChildStatus status = new ChildStatus(event.to(), event.time(), null, containerId, exitCode, event.attempt(),
                restarts, event.counter());
        return new KnownChild(event.child(),
                transition.runtime() != null ? transition.runtime() : known == null ? null : known.runtime(),
                transition.summary() != null ? transition.summary() : known == null ? null : known.summary(),
                status);
    }

    private static final class MemberState {
        final String name;
        long last;
        boolean present = true;
        boolean complete;
        Map<String, KnownChild> children = new LinkedHashMap<>();
        final TreeMap<Long, ChildTransition> held = new TreeMap<>();
        /** When the first of the transitions now held arrived; {@code null} while none waits or fetching runs. */
        Instant waitingSince;
        /** When fetching the missing transitions is given up; {@code null} while not fetching. */
        Instant repairUntil;
        /** The last counter being fetched. */
        long repairUpTo;

        MemberState(String name) {
            this.name = name;
        }

        /** When this member's waiting ends next, if anything waits. */
        Instant deadline(java.time.Duration reorderWindow) {
            if (repairUntil != null) {
                return repairUntil;
            }
            return waitingSince == null ? null : waitingSince.plus(reorderWindow);
        }

        MemberChildren view() {
            return new MemberChildren(name, last, new ArrayList<>(children.values()), complete);
        }
    }

    List<String> memberNames() {
        return List.copyOf(members.keySet());
    }
}
