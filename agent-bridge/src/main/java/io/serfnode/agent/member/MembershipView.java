package io.serfnode.agent.member;

import io.serfnode.agent.serf.rpc.MemberEventType;
import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.event.MemberFailed;
import io.serfnode.model.event.MemberJoined;
import io.serfnode.model.event.MemberLeft;
import io.serfnode.model.event.MemberReaped;
import io.serfnode.model.event.MemberUpdated;
import io.serfnode.model.event.MembershipEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The cluster's members as this member sees them, kept from serf's member events and reconciled with
 * serf's full member list (serf's streams drop records when a reader falls behind, so the stream alone
 * cannot be trusted to be complete).
 *
 * <p>One owner thread changes the view; every change that matters becomes exactly one
 * {@link MembershipEvent}, delivered to listeners in order on that thread. Readers get an immutable
 * snapshot without waiting.
 */
public final class MembershipView implements AutoCloseable {
    private final ComponentLog log;
    private final Clock clock;
    private final ExecutorService owner;
    private final List<Consumer<MembershipEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private volatile List<Member> snapshot = List.of();

    public MembershipView(String memberName, Clock clock) {
        this.log = ComponentLog.of(memberName, "membership");
        this.clock = clock;
        this.owner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("membership-" + memberName).factory());
    }

    /** Called on the owner thread for every change, in order. */
    public void addListener(Consumer<MembershipEvent> listener) {
        listeners.add(listener);
    }

    /** Every member this member knows, in the order they were first seen. */
    public List<Member> members() {
        return snapshot;
    }

    /** Applies one record of serf's member-event stream. */
    public void apply(StreamEvent.MemberEvent event) {
        owner.execute(() -> {
            for (SerfMember member : event.members()) {
                change(MemberConversion.toModel(member), event.type());
            }
        });
    }

    /** Brings the view in line with serf's complete member list, announcing whatever the stream missed. */
    public void reconcile(Collection<SerfMember> serfMembers) {
        List<Member> current = serfMembers.stream().map(MemberConversion::toModel).toList();
        owner.execute(() -> {
            Set<String> present = new HashSet<>();
            for (Member member : current) {
                present.add(member.name());
                change(member, null);
            }
            for (Member gone : new ArrayList<>(members.values())) {
                if (!present.contains(gone.name())) {
                    change(gone, MemberEventType.MEMBER_REAP);
                }
            }
        });
    }

    /**
     * Records {@code member}'s new state and announces it if anything changed. {@code reported} is the
     * kind serf reported, or {@code null} when the change was found by reconciling.
     */
    private void change(Member member, MemberEventType reported) {
        Member previous = members.get(member.name());
        if (reported == MemberEventType.MEMBER_REAP) {
            if (members.remove(member.name()) != null) {
                publishSnapshot();
                announce(new MemberReaped(clock.instant(), previous));
            }
            return;
        }
        if (member.equals(previous)) {
            return;
        }
        members.put(member.name(), member);
        // listeners read members() while handling the event: it must already show the change
        publishSnapshot();
        announce(eventFor(previous, member, clock.instant()));
    }

    private static MembershipEvent eventFor(Member previous, Member now, Instant time) {
        boolean statusChanged = previous == null || previous.status() != now.status();
        if (!statusChanged) {
            return new MemberUpdated(time, now);
        }
        return switch (now.status()) {
            case ALIVE -> new MemberJoined(time, now);
            case FAILED -> new MemberFailed(time, now);
            case LEAVING, LEFT -> new MemberLeft(time, now);
            case NONE -> new MemberUpdated(time, now);
        };
    }

    private void announce(MembershipEvent event) {
        log.info("%s %s %s roles=%s", event.kind(), event.member().name(), event.member().address(),
                event.member().roles());
        for (Consumer<MembershipEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error(e, "a membership listener failed on %s of %s", event.kind(), event.member().name());
            }
        }
    }

    private void publishSnapshot() {
        snapshot = List.copyOf(members.values());
    }

    /** Alive members other than {@code self}: where a restarted serf can rejoin. */
    public List<Member> aliveOthers(String self) {
        return snapshot.stream()
                .filter(member -> member.status() == MemberStatus.ALIVE && !member.name().equals(self))
                .toList();
    }

    @Override
    public void close() {
        owner.shutdownNow();
    }
}
