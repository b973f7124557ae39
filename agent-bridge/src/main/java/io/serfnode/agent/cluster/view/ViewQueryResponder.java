package io.serfnode.agent.cluster.view;

import io.serfnode.agent.serf.rpc.QueryAnswering;
import io.serfnode.agent.serf.rpc.SerfRpc;
import io.serfnode.agent.serf.rpc.SerfStream;
import io.serfnode.agent.serf.rpc.StreamEvent;
import io.serfnode.agent.support.ComponentLog;
import io.serfnode.model.Member;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Answers {@code serfnode.view} for this member with the digest of the membership it sees. A request that
 * cannot be read is logged and left unanswered; the asker then reports this member as "no answer".
 */
public final class ViewQueryResponder {
    private final Supplier<List<Member>> members;
    private final ViewQueryCodec codec;
    private final ComponentLog log;

    /**
     * @param members the members this member knows, read at each query (its membership view, the one
     *                its API serves, so that a check and a snapshot tell the same story)
     */
    public ViewQueryResponder(String member, Supplier<List<Member>> members, ViewQueryCodec codec) {
        this.members = Objects.requireNonNull(members, "members");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.log = ComponentLog.of(member, "view-query");
    }

    /**
     * Subscribes to the queries on {@code rpc} and answers them on the same client (serf accepts an answer
     * only on the connection that streamed the query). Call again with the new client after a reconnect.
     */
    public SerfStream start(SerfRpc rpc) {
        return QueryAnswering.start(rpc, ViewQueryCodec.QUERY_NAME, log, this::answer);
    }

    void answer(SerfRpc rpc, StreamEvent.QueryEvent query) {
        try {
            codec.decodeRequest(query.payload());
        } catch (ViewPayloadException e) {
            log.warn("not answering query %d: %s", query.ltime(), e.getMessage());
            return;
        }
        try {
            LocalView view = ViewDigest.of(members.get());
            rpc.respond(query, codec.encodeAnswer(rpc.localNodeName(), query.ltime(), view));
        } catch (RuntimeException e) {
            log.warn(e, "could not answer %s", ViewQueryCodec.QUERY_NAME);
        }
    }
}
