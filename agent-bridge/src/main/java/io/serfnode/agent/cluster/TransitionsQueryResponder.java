package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.QueryAnswering;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.support.ComponentLog;
import java.util.Objects;

/**
 * Answers {@code serfnode.transitions} for this member from its {@link RecentTransitions}: each query gets
 * the page of the wanted range it asks for. A request that cannot be read is logged and left unanswered.
 */
public final class TransitionsQueryResponder {
    private final RecentTransitions recent;
    private final TransitionsQueryCodec codec;
    private final ComponentLog log;

    public TransitionsQueryResponder(String member, RecentTransitions recent, TransitionsQueryCodec codec) {
        this.recent = Objects.requireNonNull(recent, "recent");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.log = ComponentLog.of(member, "transitions-query");
    }

    /** Subscribes to the queries on {@code rpc}; call again with the new client after a reconnect. */
    public SerfStream start(SerfRpc rpc) {
        return QueryAnswering.start(rpc, ClusterNames.TRANSITIONS_QUERY, log, this::answer);
    }

    void answer(SerfRpc rpc, StreamEvent.QueryEvent query) {
        TransitionsRequest request;
        try {
            request = codec.decodeRequest(query.payload());
        } catch (ClusterPayloadException e) {
            log.warn("not answering query %d: %s", query.ltime(), e.getMessage());
            return;
        }
        try {
            rpc.respond(query, codec.encodePage(rpc.localNodeName(), query.ltime(),
                    recent.range(request.first(), request.last())));
        } catch (RuntimeException e) {
            log.warn(e, "could not answer %s for transitions %d to %d", ClusterNames.TRANSITIONS_QUERY,
                    request.first(), request.last());
        }
    }
}
