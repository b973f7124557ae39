package io.serfnode.agent.member;

import io.serfnode.agent.serf.rpc.SerfMember;
import io.serfnode.model.Member;
import io.serfnode.model.MemberStatus;

/** Serf's view of a member, as the model describes it. */
final class MemberConversion {
    private MemberConversion() {
    }

    static Member toModel(SerfMember member) {
        String address = member.address() == null ? "0.0.0.0" : member.address().getHostAddress();
        return new Member(member.name(), address, member.port(), member.tags(),
                MemberStatus.fromSerf(member.status().wireName()));
    }
}
