package io.serfnode.console.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<Key, Long> active = new LinkedHashMap<>();

    private record Key(String member, String child) {
    }

    /**
     * Starts a pulse for every child whose state differs between {@code previous} and {@code next} (seen by this
     * console, so clocks of other machines do not matter), and for children first seen with a change younger than
     * the pulse; keeps pulses still running, and re-indexes all of them for {@code next}.
     */
    void rebuild(GraphModel previous, GraphModel next, long nowMillis) {
        active.values().removeIf(start -> nowMillis - start >= DURATION_MILLIS);
        List<GraphMember> all = next.members();
        for (GraphMember member : all) {
            int previousIndex = previous.indexOf(member.name());
            GraphMember before = previousIndex < 0 ? null : previous.members().get(previousIndex);
            if (before == member) {
                continue;
            }
            for (GraphChild child : member.children()) {
                GraphChild old = before == null ? null : childNamed(before, child.name());
                if (old != null && old.state() != child.state()) {
                    Key key = new Key(member.name(), child.name());
                    active.remove(key);
                    active.put(key, nowMillis);
                } else if (old == null) {
                    long at = child.changedAt().toEpochMilli();
                    if (nowMillis - at < DURATION_MILLIS && at - nowMillis < DURATION_MILLIS) {
                        active.putIfAbsent(new Key(member.name(), child.name()), Math.min(at, nowMillis));
                    }
                }
            }
        }
        count = 0;
        for (Map.Entry<Key, Long> pulse : active.entrySet()) {
            int m = next.indexOf(pulse.getKey().member());
            if (m < 0) {
                continue;
            }
            int c = childIndex(all.get(m), pulse.getKey().child());
            if (c >= 0) {
                add(m, c, pulse.getValue());
            }
        }
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
