package io.serfnode.agent.serf.rpc;

import java.util.List;
import java.util.Objects;

/** One record of a {@code stream} subscription. */
public sealed interface StreamEvent {

    /** A coalesced membership change; {@code members} are the members it concerns. */
    record MemberEvent(MemberEventType type, List<SerfMember> members) implements StreamEvent {
        public MemberEvent {
            Objects.requireNonNull(type, "type");
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /**
     * A user event.
     *
     * @param payload the payload as sent, byte for byte; {@code null} when Serf sent msgpack nil
     */
    record UserEvent(long ltime, String name, byte[] payload, boolean coalesce) implements StreamEvent {
        public UserEvent {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A query that this agent received. Answer it with {@link SerfRpc#respond(QueryEvent, byte[])}
     * on the same client that streamed it: Serf knows the {@code id} only on that client's stream
     * connection, and only until the query's timeout.
     *
     * @param id      Serf's handle for responding (opaque, per RPC connection)
     * @param payload the payload as sent; {@code null} when Serf sent msgpack nil
     */
    record QueryEvent(long id, long ltime, String name, byte[] payload) implements StreamEvent {
        public QueryEvent {
            Objects.requireNonNull(name, "name");
        }
    }
}
