package io.serfnode.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per member, the transition counters it produced (with when the harness learned of each) and how often each
 * reached the console stand-in. A member killed with SIGKILL cannot send what it produced just before: its
 * transitions of the last {@code inFlightWindow} before its kill are counted apart, as in flight at the kill.
 */
final class TransitionLedger {
    private record Key(String member, long counter) {
    }

    private final Duration inFlightWindow;
    private final Map<Key, Long> produced = new ConcurrentHashMap<>();
    private final Map<Key, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> killedAt = new ConcurrentHashMap<>();
    private volatile boolean open;

    TransitionLedger(Duration inFlightWindow) {
        this.inFlightWindow = inFlightWindow;
    }

    /** From now on, what members produce is expected at the stand-in (it has its snapshot). */
    void open() {
        open = true;
    }

    /** The member produced transition {@code counter}; the harness learned of it at {@code nanos}. */
    void produced(String member, long counter, long nanos) {
        if (open) {
            produced.putIfAbsent(new Key(member, counter), nanos);
        }
    }

    /** The member was killed at {@code nanos} (SIGKILL): it sends nothing more. */
    void killed(String member, long nanos) {
        killedAt.putIfAbsent(member, nanos);
    }

    void seen(String member, long counter) {
        seen.computeIfAbsent(new Key(member, counter), key -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * What the stand-in got of the transitions produced while it listened.
     *
     * @param expected        produced and not in flight at a kill: each must arrive exactly once
     * @param lost            of those, never seen
     * @param duplicated      transitions seen more than once (any)
     * @param inFlightAtKill  produced by a member within the window before its kill
     * @param lostInFlight    of those, never seen
     * @param seenTotal       distinct transitions seen
     * @param gaps            counters missing between a member's lowest and highest produced one: the
     *                        producer's own record has a hole (the check is weaker there)
     */
    record Tally(long expected, long lost, long duplicated, long inFlightAtKill, long lostInFlight, long seenTotal,
                 long gaps) {
    }

    Tally tally() {
        long expected = 0;
        long lost = 0;
        long inFlight = 0;
        long lostInFlight = 0;
        for (Map.Entry<Key, Long> entry : produced.entrySet()) {
            boolean arrived = seen.containsKey(entry.getKey());
            if (inFlightAtKill(entry.getKey(), entry.getValue())) {
                inFlight++;
                lostInFlight += arrived ? 0 : 1;
            } else {
                expected++;
                lost += arrived ? 0 : 1;
            }
        }
        long duplicated = seen.values().stream().filter(count -> count.get() > 1).count();
        return new Tally(expected, lost, duplicated, inFlight, lostInFlight, seen.size(), gaps());
    }

    private boolean inFlightAtKill(Key key, long producedNanos) {
        Long killed = killedAt.get(key.member());
        return killed != null && producedNanos >= killed - inFlightWindow.toNanos();
    }

    private long gaps() {
        Map<String, TreeSet<Long>> byMember = new ConcurrentHashMap<>();
        produced.keySet().forEach(key -> byMember.computeIfAbsent(key.member(), m -> new TreeSet<>())
                .add(key.counter()));
        long gaps = 0;
        for (TreeSet<Long> counters : byMember.values()) {
            gaps += counters.last() - counters.first() + 1 - counters.size();
        }
        return gaps;
    }

    /** A few lost transitions (not in flight at a kill), as {@code member#counter}, for the summary. */
    List<String> lostExamples(int limit) {
        List<String> lost = new ArrayList<>();
        produced.entrySet().stream()
                .filter(entry -> !seen.containsKey(entry.getKey()) && !inFlightAtKill(entry.getKey(), entry.getValue()))
                .map(entry -> entry.getKey().member() + "#" + entry.getKey().counter())
                .sorted().limit(limit).forEach(lost::add);
        return lost;
    }

    /** Transitions seen more than once, as {@code member#counter xN}, for the summary. */
    List<String> duplicatedExamples(int limit) {
        return seen.entrySet().stream().filter(entry -> entry.getValue().get() > 1)
                .map(entry -> entry.getKey().member() + "#" + entry.getKey().counter() + " x" + entry.getValue().get())
                .sorted().limit(limit).toList();
    }
}
