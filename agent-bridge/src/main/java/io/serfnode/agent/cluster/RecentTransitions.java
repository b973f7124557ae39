package io.serfnode.agent.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * This member's latest transitions, kept so that a member that missed some of their gossip can fetch them
 * ({@code serfnode.transitions}). Holds the last {@code capacity} transitions; older ones are forgotten, and a
 * member asking for those gets its answer to {@code serfnode.children} instead. Safe for any thread: every
 * child's supervisor records on its own thread, the query responder reads on another.
 */
public final class RecentTransitions {
    /** Transitions kept by default: about a minute of a hundred crash-looping children, ~1 MB at most. */
    public static final int DEFAULT_CAPACITY = 4_096;

    /** The transitions held from a requested counter on, and the oldest counter held at all (0 when none). */
    public record Slice(List<ChildTransition> transitions, long oldestHeld) {
        public Slice {
            transitions = List.copyOf(transitions);
        }
    }

    private final int capacity;
    private final Deque<ChildTransition> held = new ArrayDeque<>();

    public RecentTransitions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps a transition; one whose counter is not above the last kept (a restarted count) starts afresh. */
    public synchronized void record(ChildTransition transition) {
        if (!held.isEmpty() && transition.counter() <= held.peekLast().counter()) {
            held.clear();
        }
        held.addLast(transition);
        if (held.size() > capacity) {
            held.removeFirst();
        }
    }

    /** The held transitions with counters from {@code first} to {@code last}, in counter order. */
    public synchronized Slice range(long first, long last) {
        List<ChildTransition> wanted = new ArrayList<>();
        for (ChildTransition transition : held) {
            if (transition.counter() > last) {
                break;
            }
            if (transition.counter() >= first) {
                wanted.add(transition);
            }
        }
        return new Slice(wanted, held.isEmpty() ? 0 : held.peekFirst().counter());
    }
}
