package io.serfnode.agent.api.command;

import io.serfnode.agent.api.LocalMember;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.supervisor.Supervisor;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A member with a fake supervisor and serf client and a member list the test sets. */
final class FakeLocalMember implements LocalMember {
    final String name;
    final FakeSupervisor supervisor;
    final FakeSerfRpc rpc;
    final List<Member> members = new CopyOnWriteArrayList<>();
    final AtomicInteger leaves = new AtomicInteger();
    volatile Runnable onLeave = () -> { };
    volatile RuntimeException rpcUnavailable;

    FakeLocalMember(String name, String... children) {
        this.name = name;
        this.supervisor = new FakeSupervisor(name, children);
        this.rpc = new FakeSerfRpc(name);
        members.add(member(name, MemberStatus.ALIVE));
    }

    static Member member(String name, MemberStatus status) {
        return Member.plain(name, "127.0.0.1", 7946, status);
    }

    FakeLocalMember with(String other, MemberStatus status) {
        members.removeIf(member -> member.name().equals(other));
        members.add(member(other, status));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Supervisor supervisor() {
        return supervisor;
    }

    @Override
    public SerfRpc rpc() {
        if (rpcUnavailable != null) {
            throw rpcUnavailable;
        }
        return rpc;
    }

    @Override
    public List<Member> members() {
        return new ArrayList<>(members);
    }

    @Override
    public void leaveSoon() {
        leaves.incrementAndGet();
        onLeave.run();
    }
}
