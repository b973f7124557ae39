package io.serfnode.model.event;

import io.serfnode.model.Member;

/**
 * A change in serf membership, one member per event (serf may report several members in one record; the
 * agent splits them). Reaches agents after serf's coalescing, about a second after the fact.
 */
public sealed interface MembershipEvent extends ClusterEvent
        permits MemberJoined, MemberLeft, MemberFailed, MemberUpdated, MemberReaped {

    /** The member as it is after the change. */
    Member member();
}
