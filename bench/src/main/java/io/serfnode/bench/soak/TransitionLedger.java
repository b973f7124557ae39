package io.serfnode.bench.soak;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per member, the transition counters its supervisor produced and how often each reached the client. A member
 * being killed cannot gossip what it produces from the kill on, so those transitions are counted apart.
 */
final class TransitionLedger {
    private record Key(String member, long counter) {
    }

    private final Map<Key, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Set<Key> produced = ConcurrentHashMap.newKeySet();
    private final Set<Key> producedWhileDying = ConcurrentHashMap.newKeySet();
    private final Set<String> dying = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    /** From now on, what members produce is expected at the client (the client has its snapshot). */
    void open() {
        open = true;
    }

    void produced(String member, long counter) {
        if (!open) {
            return;
        }
        Key key = new Key(member, counter);
        if (dying.contains(member)) {
            producedWhileDying.add(key);
        } else {
            produced.add(key);
        }
    }

    /** The member is about to be killed: what it produces from now on may never leave it. */
    void dying(String member) {
        dying.add(member);
    }

    void seen(String member, long counter) {
        seen.computeIfAbsent(new Key(member, counter), key -> new AtomicInteger()).incrementAndGet();
    }

    /** What the client got of the transitions produced while it listened. */
    record Tally(long produced, long lost, long duplicated, long producedWhileDying, long lostWhileDying,
                 long seenTotal) {
    }

    Tally tally() {
        long lost = produced.stream().filter(key -> !seen.containsKey(key)).count();
        long lostDying = producedWhileDying.stream().filter(key -> !seen.containsKey(key)).count();
        long duplicated = seen.values().stream().filter(count -> count.get() > 1).count();
        return new Tally(produced.size(), lost, duplicated, producedWhileDying.size(), lostDying, seen.size());
    }

    /** A few lost transitions, for the summary. */
    String lostExamples(int limit) {
        return produced.stream().filter(key -> !seen.containsKey(key)).limit(limit)
                .map(key -> key.member() + "#" + key.counter()).toList().toString();
    }
}
