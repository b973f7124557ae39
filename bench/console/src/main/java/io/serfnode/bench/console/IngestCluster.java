package io.serfnode.bench.console;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.model.Child;
import io.serfnode.model.ChildStatus;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.SupervisorState;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.SupervisorStateChanged;
import io.serfnode.model.event.UserEvent;
import java.io.Closeable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A made-up cluster behind the agent's real WebSocket API: members with supervised children whose states move
 * along a crash loop, each move one {@code supervisor-state} event with the member's next transition counter,
 * and now and then a tag change ({@code member-update}) or a user event. The state read through
 * {@link #members()} and {@link #children()} shows every event before it is delivered, as the contract asks.
 * {@link #next} is called from one thread only.
 */
final class IngestCluster implements ClusterAccess {
    private static final SupervisorState[] CRASH_LOOP = {SupervisorState.RUNNING, SupervisorState.EXITED,
            SupervisorState.BACKOFF, SupervisorState.STARTING};

    private final List<String> names;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, List<SupervisedChild>> children = new ConcurrentHashMap<>();
    private final long[] counters;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Random random;
    private long userEvents;
    private long ltime;

    IngestCluster(int memberCount, int childrenPerMember, long seed) {
        random = new Random(seed);
        names = new ArrayList<>(memberCount);
        counters = new long[memberCount];
        Instant start = Instant.now();
        for (int i = 0; i < memberCount; i++) {
            String name = String.format("node-%05d", i);
            names.add(name);
            int role = Math.min(SyntheticCluster.ROLES.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2.5));
            String address = "10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF);
            members.put(name, new Member(name, address, 7946,
                    Map.of("role", SyntheticCluster.ROLES.get(role), "sn", "1"), MemberStatus.ALIVE));
            List<SupervisedChild> own = new ArrayList<>(childrenPerMember);
            for (int c = 0; c < childrenPerMember; c++) {
                own.add(new SupervisedChild(Child.process("child-" + c, "/usr/bin/worker --id " + c),
                        new ChildStatus(SupervisorState.RUNNING, start, 1000L + c, null, null, 1, 0, c + 1)));
            }
            counters[i] = childrenPerMember;
            children.put(name, List.copyOf(own));
        }
    }

    @Override
    public String agentName() {
        return "ingest-source";
    }

    @Override
    public List<Member> members() {
        List<Member> all = new ArrayList<>(names.size());
        for (String name : names) {
            all.add(members.get(name));
        }
        return all;
    }

    @Override
    public Map<String, List<SupervisedChild>> children() {
        return Map.copyOf(children);
    }

    @Override
    public Closeable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Makes and delivers the next event: 95 in 100 a supervisor transition, 4 a tag change, 1 a user event.
     *
     * @return the event delivered
     */
    ClusterEvent next(Instant now) {
        int roll = random.nextInt(100);
        int index = random.nextInt(names.size());
        String name = names.get(index);
        ClusterEvent event;
        if (roll < 95) {
            List<SupervisedChild> own = new ArrayList<>(children.get(name));
            int c = random.nextInt(own.size());
            SupervisedChild child = own.get(c);
            SupervisorState from = child.status().state();
            SupervisorState to = following(from);
            long counter = ++counters[index];
            own.set(c, child.withStatus(child.status().withState(to, now, counter)));
            children.put(name, List.copyOf(own));
            event = new SupervisorStateChanged(now, name, child.child().name(), from, to,
                    to == SupervisorState.EXITED ? Integer.valueOf(1) : null, 1, counter);
        } else if (roll < 99) {
            Member updated = new Member(name, members.get(name).address(), 7946,
                    Map.of("role", members.get(name).tags().get("role"), "sn", "1",
                            "load", Integer.toString(random.nextInt(100))), MemberStatus.ALIVE);
            members.put(name, updated);
            event = new MemberUpdated(now, updated);
        } else {
            userEvents++;
            event = new UserEvent(now, "deploy", Payload.ofText("v" + userEvents),
                    false, ++ltime);
        }
        for (Consumer<ClusterEvent> listener : listeners) {
            listener.accept(event);
        }
        return event;
    }

    /** The member's transition counter now (for checking what the console ended with). */
    long counter(String member) {
        return counters[names.indexOf(member)];
    }

    List<String> names() {
        return names;
    }

    List<SupervisedChild> childrenOf(String member) {
        return children.get(member);
    }

    private static SupervisorState following(SupervisorState state) {
        for (int i = 0; i < CRASH_LOOP.length; i++) {
            if (CRASH_LOOP[i] == state) {
                return CRASH_LOOP[(i + 1) % CRASH_LOOP.length];
            }
        }
        return SupervisorState.RUNNING;
    }
}
