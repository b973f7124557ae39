package io.serfnode.agent.serf.rpc;

import io.serfnode.agent.support.ComponentLog;
import java.util.Objects;

/**
 * Streams the queries of one name from a client and hands each to an answerer on that same client (serf
 * accepts an answer only on the connection that streamed the query).
 */
public final class QueryAnswering {

    /** Answers one streamed query, on the client that streamed it. */
    @FunctionalInterface
    public interface Answerer {
        void answer(SerfRpc rpc, StreamEvent.QueryEvent query);
    }

    private QueryAnswering() {
    }

    /**
     * Subscribes to the queries named {@code queryName} on {@code rpc}; a broken stream is logged on
     * {@code log}. Call again with the new client after a reconnect.
     */
    public static SerfStream start(SerfRpc rpc, String queryName, ComponentLog log, Answerer answerer) {
        Objects.requireNonNull(rpc, "rpc");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(answerer, "answerer");
        return rpc.stream(StreamFilter.query(queryName), new StreamCallback<>() {
            @Override
            public void onNext(StreamEvent event) {
                if (event instanceof StreamEvent.QueryEvent query) {
                    answerer.answer(rpc, query);
                }
            }

            @Override
            public void onError(Throwable error) {
                log.warn("the stream of %s queries broke: %s", queryName, error.getMessage());
            }
        });
    }
}
