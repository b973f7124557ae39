package io.serfnode.agent.api.ws;

import io.serfnode.agent.api.ClusterAccess;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import io.serfnode.model.Payload;
import io.serfnode.model.SupervisedChild;
import io.serfnode.model.event.ClusterEvent;
import io.serfnode.model.event.UserEvent;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A cluster the test drives: it says which members there are and emits the events. */
final class DrivenCluster implements ClusterAccess {
    private final String agentName;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ltime = new AtomicLong();
    private volatile List<Member> members;
    private volatile Map<String, List<SupervisedChild>> children = Map.of();

    DrivenCluster(String agentName, Member... members) {
        this.agentName = agentName;
        this.members = List.of(members);
    }

    static Member member(String name, String ip, String ws, MemberStatus status) {
        return new Member(name, ip, 7946, ws == null ? Map.of() : Map.of("ws", ws, "role", "web"), status);
    }

    void setMembers(List<Member> members) {
        this.members = List.copyOf(members);
    }

    void setChildren(Map<String, List<SupervisedChild>> children) {
        this.children = Map.copyOf(children);
    }

    void emit(ClusterEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    /** A user event with a payload of {@code bytes} bytes. */
    void emitUserEvent(String name, int bytes) {
        emit(new UserEvent(Instant.now(), name, Payload.ofText("x".repeat(bytes)), false, ltime.incrementAndGet()));
    }

    @Override
    public String agentName() {
        return agentName;
    }

    @Override
    public List<Member> members() {
        return members;
    }

    @Override
    public Map<String, List<SupervisedChild>> children() {
        return children;
    }

    @Override
    public Closeable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
