package io.serfnode.console.graph;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The children whose state changed within the last {@link #DURATION_MILLIS}: kept in flat arrays (member index,
 * child index, start time) rebuilt on each model change, so a frame allocates nothing. They are indexed oldest
 * first, so a frame that draws only some of them can take the newest.
 */
final class Pulses {
    static final long DURATION_MILLIS = 1000;

    private int[] members = new int[16];
    private int[] children = new int[16];
    private long[] starts = new long[16];
    private int count;
    // in the order the pulses started: a child that changes again moves to the end
    private final Map<Key, Pulse> active = new LinkedHashMap<>();

    private record Key(String member, String child) {
    }

    /** A running pulse and where its child was in the last model. */
    private static final class Pulse {
        final Key key;
        final long start;
        int member;
        int child;

        Pulse(Key key, long start, int member, int child) {
            this.key = key;
            this.start = start;
            this.member = member;
            this.child = child;
        }
    }

    /**
     * Starts a pulse for every child whose state differs between {@code previous} and {@code next} (seen by this
     * console, so clocks of other machines do not matter), and for children first seen with a change younger than
     * the pulse; keeps pulses still running, and indexes all of them for {@code next}. While the members keep
     * their places (children changing state, the usual case under load) a running pulse keeps its index.
     */
    void rebuild(GraphModel previous, GraphModel next, long nowMillis) {
        active.values().removeIf(pulse -> nowMillis - pulse.start >= DURATION_MILLIS);
        List<GraphMember> all = next.members();
        boolean samePlaces = samePlaces(previous, next);
        Set<String> reshaped = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            GraphMember member = all.get(i);
            GraphMember before = before(previous, member, i, samePlaces);
            if (before == member) {
                continue;
            }
            boolean sameChildren = before != null && sameChildNames(before, member);
            if (before != null && !sameChildren) {
                reshaped.add(member.name());
            }
            List<GraphChild> kids = member.children();
            for (int c = 0; c < kids.size(); c++) {
                GraphChild child = kids.get(c);
                GraphChild old = before == null ? null
                        : sameChildren ? before.children().get(c) : childNamed(before, child.name());
                if (old != null && old.state() != child.state()) {
                    Key key = new Key(member.name(), child.name());
                    active.remove(key);
                    active.put(key, new Pulse(key, nowMillis, i, c));
                } else if (old == null) {
                    long at = child.changedAt().toEpochMilli();
                    if (nowMillis - at < DURATION_MILLIS && at - nowMillis < DURATION_MILLIS) {
                        Key key = new Key(member.name(), child.name());
                        active.putIfAbsent(key, new Pulse(key, Math.min(at, nowMillis), i, c));
                    }
                }
            }
        }
        count = 0;
        for (Iterator<Pulse> running = active.values().iterator(); running.hasNext(); ) {
            Pulse pulse = running.next();
            if (!samePlaces || reshaped.contains(pulse.key.member())) {
                int m = next.indexOf(pulse.key.member());
                int c = m < 0 ? -1 : childIndex(all.get(m), pulse.key.child());
                if (c < 0) {
                    running.remove();
                    continue;
                }
                pulse.member = m;
                pulse.child = c;
            }
            add(pulse.member, pulse.child, pulse.start);
        }
    }

    private static GraphMember before(GraphModel previous, GraphMember member, int index, boolean samePlaces) {
        if (samePlaces) {
            return previous.members().get(index);
        }
        int i = previous.indexOf(member.name());
        return i < 0 ? null : previous.members().get(i);
    }

    /** The same member names at the same indexes. */
    private static boolean samePlaces(GraphModel previous, GraphModel next) {
        return sameNames(previous.members(), next.members(), GraphMember::name);
    }

    private static boolean sameChildNames(GraphMember before, GraphMember now) {
        return sameNames(before.children(), now.children(), GraphChild::name);
    }

    private static <T> boolean sameNames(List<T> a, List<T> b, Function<T, String> name) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!name.apply(a.get(i)).equals(name.apply(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static GraphChild childNamed(GraphMember member, String name) {
        int i = childIndex(member, name);
        return i < 0 ? null : member.children().get(i);
    }

    private static int childIndex(GraphMember member, String name) {
        List<GraphChild> kids = member.children();
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Drops the pulses that ended; true while any remains. */
    boolean prune(long nowMillis) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (nowMillis - starts[i] < DURATION_MILLIS) {
                members[kept] = members[i];
                children[kept] = children[i];
                starts[kept] = starts[i];
                kept++;
            }
        }
        count = kept;
        if (kept == 0) {
            active.clear();
        }
        return count > 0;
    }

    int count() {
        return count;
    }

    int member(int i) {
        return members[i];
    }

    int child(int i) {
        return children[i];
    }

    /** How far the pulse has run, 0 (just changed) to 1 (done). */
    double progress(int i, long nowMillis) {
        return Math.max(0, Math.min(1, (nowMillis - starts[i]) / (double) DURATION_MILLIS));
    }

    private void add(int member, int child, long start) {
        if (count == members.length) {
            members = Arrays.copyOf(members, count * 2);
            children = Arrays.copyOf(children, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
        }
        members[count] = member;
        children[count] = child;
        starts[count] = start;
        count++;
    }
}
