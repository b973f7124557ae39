package io.serfnode.agent.cluster;

import io.serfnode.agent.serf.rpc.QueryAnswering;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.support.ComponentLog;
import java.util.Objects;

/**
 * Answers {@code serfnode.children} for this member: each query gets the page of children it asks for.
 * A request that cannot be read is logged and left unanswered; the asker then sees a timeout.
 */
public final class ChildrenQueryResponder {
    private final LocalChildren children;
    private final ChildrenQueryCodec codec;
    private final ComponentLog log;

    public ChildrenQueryResponder(String member, LocalChildren children, ChildrenQueryCodec codec) {
        this.children = Objects.requireNonNull(children, "children");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.log = ComponentLog.of(member, "children-query");
    }

    /**
     * Subscribes to the queries on {@code rpc} and answers them on the same client (serf accepts an answer
     * only on the connection that streamed the query). Call again with the new client after a reconnect.
     */
    public SerfStream start(SerfRpc rpc) {
        return QueryAnswering.start(rpc, ClusterNames.CHILDREN_QUERY, log, this::answer);
    }

    void answer(SerfRpc rpc, StreamEvent.QueryEvent query) {
        int from;
        try {
            from = codec.decodeRequest(query.payload());
        } catch (ClusterPayloadException e) {
            log.warn("not answering query %d: %s", query.ltime(), e.getMessage());
            return;
        }
        try {
            LocalChildren.State state = children.read();
            byte[] page = codec.encodePage(rpc.localNodeName(), query.ltime(), state.counter(), state.children(),
                    from);
            rpc.respond(query, page);
        } catch (RuntimeException e) {
            log.warn(e, "could not answer %s for children from index %d", ClusterNames.CHILDREN_QUERY, from);
        }
    }
}
